import { mkdtemp, rm, stat, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@app/config';
import { PgliteSqlClient } from '@app/database';
import { loadMasterKey, MASTER_KEY_FILE } from './master-key';
import { SubjectKey } from './personal-data-vault.port';
import { SqlKeyVault } from './sql-key-vault';

describe('SqlKeyVault on PGlite', () => {
  let dir: string;
  let sql: PgliteSqlClient;
  let vault: SqlKeyVault;
  const ada = {
    workspaceId: '00000000-0000-4000-8000-000000000001',
    subjectId: '6f1c1a52-3b9e-4c55-9d0e-2f7f1a0c9e11',
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rl-vault-'));
    sql = await PgliteSqlClient.open(dir);
    await SqlKeyVault.migrate(sql);
    vault = new SqlKeyVault(sql, await loadMasterKey(loadConfig({ PGLITE_DIR: dir })));
  });
  afterAll(async () => {
    await sql.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('generates the embedded master key once, readable by its owner only', async () => {
    const path = join(dir, MASTER_KEY_FILE);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    const before = await readFile(path, 'utf8');
    await loadMasterKey(loadConfig({ PGLITE_DIR: dir }));
    expect(await readFile(path, 'utf8')).toBe(before);
  });

  it('seals with a per-person key, opens it again, and nothing once the key is destroyed', async () => {
    const key = (await vault.createKey(ada)) as SubjectKey;
    const sealed = key.seal({ name: 'Ada Example' });
    expect(sealed).toMatch(/^v1\./);
    expect(sealed).not.toContain('Ada');
    const again = (await vault.createKey(ada)) as SubjectKey; // idempotent: the same key
    expect(again.open(sealed)).toEqual({ name: 'Ada Example' });
    // Bound to its person: another person's key cannot open it.
    const other = (await vault.createKey({
      ...ada,
      subjectId: '7f1c1a52-3b9e-4c55-9d0e-2f7f1a0c9e11',
    })) as SubjectKey;
    expect(() => other.open(sealed)).toThrow();

    await vault.destroyKey(ada);
    expect(await vault.keyOf(ada)).toBe('destroyed');
    // destroyKey rewrites the table so the old row version goes; it must work on PGlite.
    await expect(sql.exec('VACUUM FULL person_keys')).resolves.toBeUndefined();
    expect(await vault.createKey(ada)).toBe('destroyed');
    const { rows } = await sql.query(`SELECT wrapped_key FROM person_keys WHERE person_id = $1`, [
      ada.subjectId,
    ]);
    expect((rows[0] as { wrapped_key: unknown }).wrapped_key).toBeNull();
  });

  it('refuses a wrong master key: the wrapped keys do not open', async () => {
    const key = (await vault.createKey({
      ...ada,
      subjectId: '8f1c1a52-3b9e-4c55-9d0e-2f7f1a0c9e11',
    })) as SubjectKey;
    expect(key).toBeDefined();
    const wrong = new SqlKeyVault(sql, Buffer.alloc(32, 1));
    await expect(
      wrong.keyOf({ ...ada, subjectId: '8f1c1a52-3b9e-4c55-9d0e-2f7f1a0c9e11' }),
    ).rejects.toThrow();
  });
});
