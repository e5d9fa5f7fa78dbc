import { AppConfig, redactUrl } from '@app/config';
import {
  describeFailure,
  loadConfigOrExit,
  openEventStore,
  openSqlClient,
} from '@app/infrastructure';
import { migrateAuthSchema } from '@app/auth';
import { CheckpointedSubscription } from '@app/read-models';

const USAGE = `Usage: npm run cli -- <command>

Commands:
  migrate   Apply every schema migration (event store, API tokens, subscription
            checkpoints) to the configured database (DATABASE_URL, or the embedded
            PGlite directory PGLITE_DIR).

Configuration comes from the same environment variables as the API (see README.md).`;

async function migrate(config: AppConfig): Promise<void> {
  const where =
    config.database.kind === 'pglite'
      ? `PGlite in ${config.database.dir}`
      : `PostgreSQL ${redactUrl(config.database.url)}`;
  const sql = await openSqlClient(config.database);
  try {
    // KurrentDB keeps its own storage; with PostgreSQL, creating the store applies its
    // pending migrations.
    if (config.eventStore.kind === 'postgres')
      await (await openEventStore(config.eventStore, sql)).close();
    await migrateAuthSchema(sql);
    await CheckpointedSubscription.migrate(sql);
  } finally {
    await sql.close();
  }
  console.log(`Schema is up to date (${where}).`);
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
