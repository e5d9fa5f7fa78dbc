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
    for (const table of BACKUP_TABLES) rows.set(table, await tableRows(tx, table));
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

/** Columns PostgreSQL computes (es_events.category) are left out: a restore cannot write them. */
export async function writableColumns(sql: SqlExecutor, table: string): Promise<string[]> {
  const { rows } = await sql.query<{ column_name: string }>(
    `SELECT column_name FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name = $1 AND is_generated = 'NEVER'
      ORDER BY ordinal_position`,
    [table],
  );
  if (rows.length === 0) throw new Error(`table ${table} is missing: run the migrations first`);
  return rows.map((r) => r.column_name);
}

async function tableRows(tx: SqlExecutor, table: BackupTable): Promise<string[]> {
  const columns = await writableColumns(tx, table);
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
  for (const set of BACKUP_MIGRATION_SETS) {
    const { rows: exists } = await sql.query<{ found: boolean }>(
      'SELECT to_regclass($1) IS NOT NULL AS found',
      [set],
    );
    if (!exists[0]?.found) continue;
    const { rows } = await sql.query<{ name: string }>(`SELECT name FROM ${set} ORDER BY name`);
    applied[set] = rows.map((r) => r.name);
  }
  return applied;
}
