import {
  BackupTable,
  parseBackup,
  readBackup,
  restoreBackup,
  RestoreRefused,
  serialiseBackup,
} from '@app/backup';
import { WorkspaceDirectory } from '@app/auth';
import { SqlClient } from '@app/database';
import { PostgresEventStore } from '@app/event-store/postgres';
import { SqlKeyVault } from '@app/protection';
import { layOutBackupTables } from '../../../apps/cli/src/backup-commands';
import { sqlBackends } from '../../support/sql-backends';
import { TEST_MASTER_KEY } from '../../support/test-keys';

/**
 * Backup and restore on both SQL backends, below the CLI: every table a backup holds comes back
 * row for row (positions and transaction ids included), the log keeps its order for new
 * events, a later erasure is applied again, and a non-empty target is refused.
 */
const masterKey = Buffer.from(TEST_MASTER_KEY, 'base64');

async function seed(sql: SqlClient): Promise<{ personId: string; workspaceId: string }> {
  await layOutBackupTables(sql, masterKey);
  const { id: workspaceId } = await new WorkspaceDirectory(sql).createWorkspace('Backup NGO');
  const personId = '6f1c1a52-0000-4000-8000-000000000001';
  await new SqlKeyVault(sql, masterKey).createKey({ workspaceId, subjectId: personId });
  const store = await PostgresEventStore.create(sql);
  for (let i = 0; i < 20; i++) {
    await store.append(
      `incident-${i}`,
      [{ eventId: crypto.randomUUID(), type: 'IncidentReported', data: { i } }],
      { expectedVersion: 'no_stream' },
    );
  }
  // The source's transaction counter runs far ahead of a fresh target's.
  await sql.exec(
    `DO $$ BEGIN FOR i IN 1..3000 LOOP PERFORM pg_current_xact_id(); COMMIT; END LOOP; END $$`,
  );
  await store.append(
    'incident-last',
    [{ eventId: crypto.randomUUID(), type: 'IncidentReported', data: { last: true } }],
    { expectedVersion: 'no_stream' },
  );
  return { personId, workspaceId };
}

describe.each(sqlBackends('bk'))('backup and restore on %s', (_name, open) => {
  it('restores every table row for row, keeps the log in order, erases again, refuses a second restore', async () => {
    const source = await open();
    const target = await open();
    try {
      const { personId, workspaceId } = await seed(source.sql);
      const content = parseBackup(serialiseBackup(await readBackup(source.sql, masterKey)));
      expect(content.manifest.tables.es_events!.rows).toBe(21);

      await layOutBackupTables(target.sql, masterKey);
      const erasedAt = '2026-12-01T10:00:00.000Z';
      const result = await restoreBackup(target.sql, content, [
        { workspaceId, personId, erasedAt },
      ]);
      expect(result.erasedAgain).toBe(1);

      const back = await readBackup(target.sql, masterKey);
      expect(back.manifest.position).toBe(content.manifest.position);
      for (const [table, rows] of content.rows) {
        if (table === 'person_keys') continue;
        expect({ table, rows: back.rows.get(table as BackupTable) }).toEqual({ table, rows });
      }
      const key = await target.sql.query<{ wrapped: boolean; destroyed_at: string }>(
        `SELECT wrapped_key IS NOT NULL AS wrapped, destroyed_at FROM person_keys WHERE person_id = $1`,
        [personId],
      );
      expect(key.rows).toEqual([
        { wrapped: false, destroyed_at: expect.stringContaining('2026-12-01') },
      ]);

      // A new event sorts after every restored one, and readers see them all.
      const store = await PostgresEventStore.create(target.sql);
      const appended = await store.append(
        'incident-after-restore',
        [{ eventId: crypto.randomUUID(), type: 'IncidentReported', data: {} }],
        { expectedVersion: 'no_stream' },
      );
      expect(appended.position > content.manifest.position).toBe(true);
      const read: string[] = [];
      for await (const event of store.readAll()) read.push(event.streamId);
      expect(read).toHaveLength(22);
      expect(read.at(-2)).toBe('incident-last');
      expect(read.at(-1)).toBe('incident-after-restore');

      await expect(restoreBackup(target.sql, content, [])).rejects.toThrow(RestoreRefused);
    } finally {
      await source.close();
      await target.close();
    }
  }, 240_000);
});
