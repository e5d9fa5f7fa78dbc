import { DataSource, Logger, MigrationInterface, QueryRunner } from 'typeorm';
import { SqlClient, SqlExecutor } from './sql-client.port';
import { transactionPgDriver } from './transaction.pg-driver';

export interface Migration {
  /**
   * Never reused; starts with its sequence number in the set, e.g. `0001-event-store`: TypeORM
   * orders a set's migrations by that number.
   */
  id: string;
  sql: string;
  /**
   * Work SQL cannot do (encrypting under a key the database never sees), run after `sql` in the
   * same transaction: if it throws, the whole migration set is rolled back and not recorded.
   */
  code?: (tx: SqlExecutor) => Promise<void>;
}

/**
 * Applies, through TypeORM's migration runner, the migrations not yet recorded in `table` (a
 * TypeORM migrations table, one per set), all in one transaction: a failure leaves the schema as
 * it was. TypeORM takes no lock of its own, so an advisory lock keyed on the table name
 * serialises concurrent migrators (several api or worker processes starting at once, parallel
 * test files). Returns the ids applied, in order.
 */
export async function migrate(
  client: SqlClient,
  table: string,
  migrations: readonly Migration[],
): Promise<string[]> {
  if (!/^[a-z_][a-z0-9_]*$/.test(table)) throw new Error(`bad migrations table name: ${table}`);
  const ids = new Map(migrations.map((m) => [typeormName(m.id), m.id]));
  const sorted = [...migrations].sort((a, b) => a.id.localeCompare(b.id));
  return client.transaction(async (tx) => {
    // A migration may build an index over the whole log: the connection's timeout for
    // requests does not apply to it (nor to waiting for a concurrent migrator's lock).
    await tx.exec('SET LOCAL statement_timeout = 0');
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [table]);
    await adoptLegacyRecords(tx, table);
    const dataSource = new DataSource({
      type: 'postgres',
      driver: transactionPgDriver(tx),
      migrations: sorted.map((m) => migrationClass(m, tx)),
      migrationsTableName: table,
      // The transaction is ours (above), so TypeORM must not open its own.
      migrationsTransactionMode: 'none',
      logger: silent,
    });
    await dataSource.initialize();
    try {
      const applied = await dataSource.runMigrations({ transaction: 'none' });
      return applied.map((m) => ids.get(m.name) ?? m.name);
    } finally {
      await dataSource.destroy();
    }
  });
}

/** TypeORM reads a migration's timestamp from the last 13 characters of its name. */
function typeormName(id: string): string {
  const sequence = /^(\d{1,13})-/.exec(id)?.[1];
  if (!sequence) throw new Error(`migration id must start with its sequence number: ${id}`);
  return `${id}.${sequence.padStart(13, '0')}`;
}

function migrationClass(migration: Migration, tx: SqlExecutor): new () => MigrationInterface {
  const name = typeormName(migration.id);
  return class implements MigrationInterface {
    readonly name = name;

    async up(queryRunner: QueryRunner): Promise<void> {
      await queryRunner.query(migration.sql);
      await migration.code?.(tx);
    }

    async down(): Promise<void> {
      throw new Error(`migration ${migration.id} is forward-only`);
    }
  };
}

/**
 * Before TypeORM, `table` held (id text, applied_at); its records move, once, into the table
 * TypeORM keeps (same name and shape as TypeORM creates), so nothing is applied twice.
 */
async function adoptLegacyRecords(tx: SqlExecutor, table: string): Promise<void> {
  const legacy = await tx.query(
    `SELECT 1 FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name = $1 AND column_name = 'applied_at'`,
    [table],
  );
  if (legacy.rows.length === 0) return;
  const { rows } = await tx.query<{ id: string }>(`SELECT id FROM ${table} ORDER BY id`);
  await tx.exec(`
DROP TABLE ${table};
CREATE TABLE ${table} (id serial PRIMARY KEY, "timestamp" bigint NOT NULL, name varchar NOT NULL);`);
  for (const { id } of rows) {
    const name = typeormName(id);
    await tx.query(`INSERT INTO ${table} ("timestamp", name) VALUES ($1, $2)`, [
      Number(name.slice(-13)),
      name,
    ]);
  }
}

/** Failures reach the caller as errors; TypeORM's console logging would only repeat them. */
const silent: Logger = {
  logQuery: () => undefined,
  logQueryError: () => undefined,
  logQuerySlow: () => undefined,
  logSchemaBuild: () => undefined,
  logMigration: () => undefined,
  log: () => undefined,
};
