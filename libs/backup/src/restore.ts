import { SqlClient, SqlExecutor } from '@app/database';
import { BackupContent } from './backup-archive';
import { appliedMigrations, writableColumnsOf } from './backup-reader';
import { BACKUP_TABLES } from './backup-tables';
import { Erasure } from './erasure-list';

/** The target is not empty, or not laid out as the archive's source was. */
export class RestoreRefused extends Error {
  override readonly name = 'RestoreRefused';
}

export interface RestoreResult {
  rows: number;
  /** Keys destroyed again: persons erased after the archive was made. */
  erasedAgain: number;
}

// Rows per INSERT: one JSON parameter each, a few MB at most.
const BATCH_CHARS = 4_000_000;

/**
 * Writes an archive into an empty database whose schema is at the archive's migrations (the
 * caller migrates it first), in one transaction: a failure leaves the target empty. The
 * erasures (from a list kept apart from the archive) are applied in the same transaction, so
 * a key erased after the backup is never readable in the target, not even for a moment.
 */
export async function restoreBackup(
  sql: SqlClient,
  content: BackupContent,
  erasures: readonly Erasure[],
): Promise<RestoreResult> {
  await refuseUnlessEmpty(sql);
  await refuseOtherSchema(sql, content.manifest.migrations);
  const result = await sql.transaction(async (tx) => {
    // A writer of events announces itself before anything else (0003-writer-horizon).
    await tx.query('SELECT es_announce_writer()');
    let rows = 0;
    for (const table of BACKUP_TABLES) rows += await insertRows(tx, table, content);
    await advanceSequences(tx);
    return { rows, erasedAgain: await destroyKeys(tx, erasures) };
  });
  await vacuumErased(sql);
  await passRestoredTransactions(sql);
  return result;
}

async function refuseUnlessEmpty(sql: SqlExecutor): Promise<void> {
  const { rows } = await sql.query<{ events: boolean; workspaces: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM es_events) AS events, EXISTS (SELECT 1 FROM workspaces) AS workspaces`,
  );
  if (rows[0]?.events || rows[0]?.workspaces) {
    throw new RestoreRefused(
      'the target deployment is not empty (it has events or workspaces): restore into a new data directory or database',
    );
  }
}

async function refuseOtherSchema(
  sql: SqlExecutor,
  archived: Record<string, string[]>,
): Promise<void> {
  const target = await appliedMigrations(sql);
  for (const [set, names] of Object.entries(archived)) {
    if (JSON.stringify(target[set] ?? []) !== JSON.stringify(names)) {
      throw new RestoreRefused(
        `the archive was made by another version (its ${set} differ from this one's): restore it with the version that made it, then upgrade`,
      );
    }
  }
}

async function insertRows(tx: SqlExecutor, table: string, content: BackupContent): Promise<number> {
  const rows = content.rows.get(table as never) ?? [];
  const columns = (await writableColumnsOf(tx, [table]))[table].join(', ');
  // OVERRIDING SYSTEM VALUE: identity columns (audit_log.id) keep the archive's values.
  const insert = `INSERT INTO ${table} (${columns}) OVERRIDING SYSTEM VALUE
    SELECT ${columns} FROM jsonb_populate_recordset(NULL::${table}, $1::jsonb)`;
  let batch: string[] = [];
  let chars = 0;
  const flush = async () => {
    if (batch.length > 0) await tx.query(insert, [`[${batch.join(',')}]`]);
    batch = [];
    chars = 0;
  };
  for (const row of rows) {
    batch.push(row);
    chars += row.length;
    if (chars >= BATCH_CHARS) await flush();
  }
  await flush();
  return rows.length;
}

/** The log's position sequence and the identity columns continue after the restored rows. */
async function advanceSequences(tx: SqlExecutor): Promise<void> {
  await tx.query(
    `SELECT setval('es_global_position', max(global_position)) FROM es_events HAVING count(*) > 0`,
  );
  await tx.query(
    `SELECT setval(pg_get_serial_sequence('audit_log', 'id'), max(id)) FROM audit_log HAVING count(*) > 0`,
  );
}

/** As `SqlKeyVault.destroyKey` and `SqlNameIndex.remove` do at an erasure. */
async function destroyKeys(tx: SqlExecutor, erasures: readonly Erasure[]): Promise<number> {
  if (erasures.length === 0) return 0;
  const { rowCount } = await tx.query(
    `UPDATE person_keys k SET wrapped_key = NULL, destroyed_at = e.erased_at
       FROM unnest($1::uuid[], $2::uuid[], $3::timestamptz[]) AS e(person_id, workspace_id, erased_at)
      WHERE k.person_id = e.person_id AND k.workspace_id = e.workspace_id AND k.wrapped_key IS NOT NULL`,
    [
      erasures.map((e) => e.personId),
      erasures.map((e) => e.workspaceId),
      erasures.map((e) => e.erasedAt),
    ],
  );
  await tx.query(`DELETE FROM name_index WHERE subject_id = ANY($1::uuid[])`, [
    erasures.map((e) => e.personId),
  ]);
  return rowCount;
}

/** The destroyed keys' old row versions leave the files too (best effort, as at an erasure). */
async function vacuumErased(sql: SqlClient): Promise<void> {
  await sql.exec('VACUUM FULL person_keys').catch(() => undefined);
  await sql.exec('VACUUM FULL name_index').catch(() => undefined);
}

/**
 * Readers of the log take events below a horizon no later than the next transaction id to be
 * given (es_read_horizon), ordered by (transaction id, position), and the restored events keep
 * their source's transaction ids (positions are in the record: pinned snapshots, exported
 * figures). On a fresh database the counter may be behind the source's: the restored events
 * would stay unread and new ones would sort before them. So the counter is moved past the
 * archive's last transaction id, one empty transaction at a time (35,000 a second on PGlite,
 * 125,000 on PostgreSQL, measured on the 2-core development machine).
 */
async function passRestoredTransactions(sql: SqlClient): Promise<void> {
  const { rows } = await sql.query<{ gap: string }>(
    `SELECT (coalesce(max(transaction_id::text::numeric), 0) - pg_current_xact_id()::text::numeric + 1)::text AS gap
       FROM es_events`,
  );
  let gap = Number(rows[0]?.gap ?? 0);
  while (gap > 0) {
    const step = Math.min(gap, 100_000);
    // A DO block outside a transaction block may COMMIT: each loop is a transaction of its own.
    await sql.exec(
      `DO $$ BEGIN FOR i IN 1..${step} LOOP PERFORM pg_current_xact_id(); COMMIT; END LOOP; END $$`,
    );
    gap -= step;
  }
}
