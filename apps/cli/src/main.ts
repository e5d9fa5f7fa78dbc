import { AppConfig, redactUrl } from '@app/config';
import {
  describeFailure,
  loadConfigOrExit,
  openEventStore,
  openSqlClient,
} from '@app/infrastructure';

const USAGE = `Usage: npm run cli -- <command>

Commands:
  migrate   Apply the event-store migrations to the configured database
            (DATABASE_URL, or the embedded PGlite directory PGLITE_DIR).

Configuration comes from the same environment variables as the API (see README.md).`;

async function migrate(config: AppConfig): Promise<void> {
  const where =
    config.database.kind === 'pglite'
      ? `PGlite in ${config.database.dir}`
      : `PostgreSQL ${redactUrl(config.database.url)}`;
  if (config.eventStore.kind === 'kurrentdb') {
    // KurrentDB keeps its own storage; only the read models (a later issue) live in SQL.
    console.log(`Nothing to migrate: the event store is KurrentDB (database: ${where}).`);
    return;
  }
  const sql = await openSqlClient(config.database);
  try {
    // Creating the store applies its pending migrations.
    const store = await openEventStore(config.eventStore, sql);
    await store.close();
  } finally {
    await sql.close();
  }
  console.log(`Event-store schema is up to date (${where}).`);
}

async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'help' || command === '--help' || command === '-h') {
    console.log(USAGE);
    return 0;
  }
  if (command === 'migrate' && rest.length === 0) {
    await migrate(loadConfigOrExit());
    return 0;
  }
  console.error(USAGE);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`rights-ledger cli failed: ${describeFailure(error)}`);
    process.exitCode = 1;
  },
);
