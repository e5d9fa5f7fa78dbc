import { rm, stat, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadConfig } from '@app/config';
import { PgliteSqlClient } from '@app/database';
import { loadMasterKey, MASTER_KEY_FILE } from './master-key';
import { SubjectKey } from './personal-data-vault.port';
import { SqlKeyVault } from './sql-key-vault';
import { emptyPgliteDir, openTestPglite } from '../../../test/support/pglite-template';

describe('SqlKeyVault on PGlite', () => {
  let dir: string;
  let sql: PgliteSqlClient;
  let vault: SqlKeyVault;
  const ada = {
    workspaceId: '00000000-0000-4000-8000-000000000001',
    subjectId: '6f1c1a52-3b9e-4c55-9d0e-2f7f1a0c9e11',
  };

  beforeAll(async () => {
    dir = await emptyPgliteDir();
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
    await sql.exec('VACUUM FULL person_keys');
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

describe('SqlKeyVault.createKeys on PGlite', () => {
  let sql: PgliteSqlClient;
  let vault: SqlKeyVault;
  const workspaceId = '00000000-0000-4000-8000-000000000001';
  const person = (n: number) => ({
    workspaceId,
    subjectId: `6f1c1a52-3b9e-4c55-9d0e-${String(n).padStart(12, '0')}`,
  });

  beforeAll(async () => {
    sql = await openTestPglite();
    await SqlKeyVault.migrate(sql);
    vault = new SqlKeyVault(sql, Buffer.alloc(32, 7));
  });
  afterAll(() => sql.close());

  it('creates many keys in one INSERT, each as createKey would, in the order given', async () => {
    const known = (await vault.createKey(person(1))) as SubjectKey;
    const sealedBefore = known.seal({ name: 'Ada Example' });
    await vault.createKey(person(2));
    await vault.destroyKey(person(2));

    const keys = await vault.createKeys([person(1), person(2), person(3), person(4), person(3)]);

    expect(keys[1]).toBe('destroyed');
    // The existing key, not a new one: what it sealed before still opens.
    expect((keys[0] as SubjectKey).open(sealedBefore)).toEqual({ name: 'Ada Example' });
    // New keys are stored: keyOf opens what they seal; the same subject twice, one key.
    const sealed = (keys[2] as SubjectKey).seal('Grace');
    expect(((await vault.keyOf(person(3))) as SubjectKey).open(sealed)).toBe('Grace');
    expect((keys[4] as SubjectKey).open(sealed)).toBe('Grace');
    expect(() => (keys[3] as SubjectKey).open(sealed)).toThrow();
    const { rows } = await sql.query<{ n: number }>('SELECT count(*)::int AS n FROM person_keys');
    expect(rows[0].n).toBe(4);
    expect(await vault.createKeys([])).toEqual([]);
  });

  it('refuses a subject whose key belongs to another workspace, as createKey does', async () => {
    await vault.createKey(person(9));
    const stranger = { ...person(9), workspaceId: '00000000-0000-4000-8000-000000000002' };
    await expect(vault.createKeys([person(8), stranger])).rejects.toThrow(/another workspace/);
    await expect(vault.createKey(stranger)).rejects.toThrow(/another workspace/);
  });
});
