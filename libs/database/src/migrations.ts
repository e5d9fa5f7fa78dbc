import { SqlClient } from './sql-client.port';

export interface Migration {
  /** Sortable and never reused, e.g. `0001-event-store`. */
  id: string;
  sql: string;
}

/**
 * Applies the migrations not yet recorded in `table`, all in one transaction: a failure
 * leaves the schema as it was. An advisory lock keyed on the table name serialises concurrent migrators (several api or
 * worker processes starting at once, parallel test files).
 */
export async function migrate(
  client: SqlClient,
  table: string,
  migrations: readonly Migration[],
): Promise<string[]> {
  if (!/^[a-z_][a-z0-9_]*$/.test(table)) throw new Error(`bad migrations table name: ${table}`);
  const applied: string[] = [];
  await client.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [table]);
    await tx.query(
      `CREATE TABLE IF NOT EXISTS ${table} (id text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    const done = new Set(
      (await tx.query<{ id: string }>(`SELECT id FROM ${table}`)).rows.map((r) => r.id),
    );
    for (const m of [...migrations].sort((a, b) => a.id.localeCompare(b.id))) {
      if (done.has(m.id)) continue;
      await tx.exec(m.sql);
      await tx.query(`INSERT INTO ${table} (id) VALUES ($1)`, [m.id]);
      applied.push(m.id);
    }
  });
  return applied;
}
