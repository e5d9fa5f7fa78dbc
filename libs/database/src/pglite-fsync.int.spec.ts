import fs from 'node:fs';
import { rm } from 'node:fs/promises';
import { emptyPgliteDir } from '../../../test/support/pglite-template';
import { PgliteSqlClient } from './pglite.sql-client';

const settings = async (sql: PgliteSqlClient) =>
  Object.fromEntries(
    (
      await sql.query<{ name: string; setting: string }>(
        "SELECT name, setting FROM pg_settings WHERE name IN ('fsync', 'wal_sync_method')",
      )
    ).rows.map((r) => [r.name, r.setting]),
  );

describe('PGlite on disk with PGLITE_FSYNC=on', () => {
  let dir: string;
  beforeEach(async () => {
    // A copy of an initialised directory: initdb on an empty one took a minute under load.
    dir = await emptyPgliteDir();
  });
  afterEach(async () => {
    jest.restoreAllMocks();
    await rm(dir, { recursive: true, force: true });
  });

  it('flushes the WAL to disk at each commit', async () => {
    const sql = await PgliteSqlClient.open(dir, { fsync: true });
    try {
      expect(await settings(sql)).toEqual({ fsync: 'on', wal_sync_method: 'fsync' });
      await sql.exec('CREATE TABLE t (x int)');
      // A spy that calls through: the real fsync still runs.
      const flushes = jest.spyOn(fs, 'fsyncSync');
      for (let i = 0; i < 5; i++) await sql.query('INSERT INTO t VALUES ($1)', [i]);
      expect(flushes.mock.calls.length).toBeGreaterThanOrEqual(5);
    } finally {
      await sql.close();
    }
  });

  it('leaves fsync off by default (the commit is in the OS cache when acknowledged)', async () => {
    const sql = await PgliteSqlClient.open(dir);
    try {
      expect((await settings(sql)).fsync).toBe('off');
    } finally {
      await sql.close();
    }
  });
});
