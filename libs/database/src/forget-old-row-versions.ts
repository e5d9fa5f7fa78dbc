import { SqlClient } from './sql-client.port';

/**
 * After rows holding text that must go were rewritten or deleted: PostgreSQL keeps the old
 * row versions in the table's pages until a vacuum, and a plain vacuum frees their space
 * without erasing it. `VACUUM FULL` writes each table anew (the old file goes at the next
 * checkpoint). PGlite keeps its write-ahead log in the data directory beside the tables, and
 * that log recorded the old rows: the segment is ended and a checkpoint taken with recycling
 * off, so the segments that logged them are deleted rather than renamed for reuse. A
 * PostgreSQL server's WAL, its archives and replicas are the operator's (docs/protection.md).
 */
export async function forgetOldRowVersions(
  sql: SqlClient,
  tables: readonly string[],
): Promise<void> {
  for (const table of tables) await sql.exec(`VACUUM FULL ${table}`);
  if (sql.kind !== 'pglite') return;
  await sql.exec('SET wal_recycle = off');
  try {
    await sql.query('SELECT pg_switch_wal()');
    await sql.exec('CHECKPOINT');
  } finally {
    await sql.exec('RESET wal_recycle');
  }
}
