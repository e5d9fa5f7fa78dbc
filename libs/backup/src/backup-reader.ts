import { SqlClient, SqlExecutor } from '@app/database';
import { encodePosition } from '@app/event-store';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BackupContent,
  masterKeySha256,
  summarise,
} from './backup-archive';
import { BACKUP_MIGRATION_SETS, BACKUP_TABLES, BackupTable, ROW_ORDER } from './backup-tables';

/**
 * Reads everything a backup holds in one read-only snapshot while the deployment keeps
 * writing: what the archive holds is the database as it stood at one instant, the log up to
 * `manifest.position` and the keys and users of that same instant.
 */
export async function readBackup(sql: SqlClient, masterKey: Buffer): Promise<BackupContent> {
  return sql.transaction(async (tx) => {
    await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    // Whole tables, read through the API's connections too: no request's statement timeout.
    await tx.query('SET LOCAL statement_timeout = 0');
    const rows = new Map<BackupTable, string[]>();
    const columns = await writableColumnsOf(tx, BACKUP_TABLES);
    for (const table of BACKUP_TABLES) rows.set(table, await tableRows(tx, table, columns[table]));
    return {
      manifest: {
        format: BACKUP_FORMAT,
        formatVersion: BACKUP_FORMAT_VERSION,
        createdAt: new Date().toISOString(),
        position: await lastPosition(tx),
        masterKeySha256: masterKeySha256(masterKey),
        migrations: await appliedMigrations(tx),
        tables: Object.fromEntries([...rows].map(([table, list]) => [table, summarise(list)])),
      },
      masterKey,
      rows,
    };
  });
}

/**
 * Each table's columns, in table order, but those PostgreSQL computes (es_events.category):
 * a restore cannot write them. One catalog query for all tables: information_schema asked once
 * per table made a backup of an almost empty deployment take a second on a busy server.
 */
export async function writableColumnsOf<T extends string>(
  sql: SqlExecutor,
  tables: readonly T[],
): Promise<Record<T, string[]>> {
  const { rows } = await sql.query<{ table_name: T; columns: string[] }>(
    `SELECT c.relname AS table_name, array_agg(a.attname::text ORDER BY a.attnum) AS columns
       FROM pg_attribute a
       JOIN pg_class c ON c.oid = a.attrelid
      WHERE c.relnamespace = current_schema()::regnamespace AND c.relname = ANY($1::text[])
        AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
      GROUP BY c.relname`,
    [tables],
  );
  const found = new Map(rows.map((r) => [r.table_name, r.columns]));
  const missing = tables.find((table) => !found.has(table));
  if (missing !== undefined)
    throw new Error(`table ${missing} is missing: run the migrations first`);
  return Object.fromEntries(found) as Record<T, string[]>;
}

async function tableRows(
  tx: SqlExecutor,
  table: BackupTable,
  columns: readonly string[],
): Promise<string[]> {
  const { rows } = await tx.query<{ r: string }>(
    `SELECT jsonb_build_object(${columns.map((c) => `'${c}', t.${c}`).join(', ')})::text AS r
       FROM ${table} t ORDER BY ${ROW_ORDER[table] ?? '1'}`,
  );
  return rows.map((row) => row.r);
}

async function lastPosition(tx: SqlExecutor): Promise<string> {
  const { rows } = await tx.query<{ tx: string; gp: string }>(
    `SELECT transaction_id::text AS tx, global_position::text AS gp FROM es_events
      ORDER BY transaction_id DESC, global_position DESC LIMIT 1`,
  );
  return rows[0] === undefined ? '' : encodePosition(rows[0].tx, rows[0].gp);
}

/** The migrations each set has applied, as TypeORM recorded them. */
export async function appliedMigrations(sql: SqlExecutor): Promise<Record<string, string[]>> {
  const applied: Record<string, string[]> = {};
  const { rows: present } = await sql.query<{ set: string }>(
    `SELECT s AS set FROM unnest($1::text[]) AS s WHERE to_regclass(s) IS NOT NULL`,
    [BACKUP_MIGRATION_SETS],
  );
  const exists = new Set(present.map((r) => r.set));
  for (const set of BACKUP_MIGRATION_SETS) {
    if (!exists.has(set)) continue;
    const { rows } = await sql.query<{ name: string }>(`SELECT name FROM ${set} ORDER BY name`);
    applied[set] = rows.map((r) => r.name);
  }
  return applied;
}
