import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { transferKeyPair } from '@app/backup';
import { WorkspaceDirectory } from '@app/auth';
import { layOutBackupTables } from '../../../apps/cli/src/backup-commands';
import { AppProcess } from '../../support/api-process';
import { TEST_MASTER_KEY } from '../../support/test-keys';
import { createTestSchema, TestSchema } from '../../support/test-postgres';

/**
 * A backup of a server-mode deployment encrypted to an age public key instead of a passphrase:
 * whoever holds the identity file verifies it; a passphrase does not open it.
 */
async function cli(args: string[], env: Record<string, string>) {
  const run = AppProcess.start('apps/cli/src/main.ts', env, args);
  const exit = await run.exited;
  return { code: exit.code, stdout: run.stdout, stderr: run.stderr };
}

describe('a backup encrypted to an age public key', () => {
  let schema: TestSchema;
  let work: string;
  beforeAll(async () => {
    schema = await createTestSchema('bkpk');
    work = await mkdtemp(join(tmpdir(), 'rl-backup-key-'));
  });
  afterAll(async () => {
    await schema.drop();
    await rm(work, { recursive: true, force: true });
  });

  it('is written from PostgreSQL without a passphrase and opened with the identity only', async () => {
    await layOutBackupTables(schema.sql, Buffer.from(TEST_MASTER_KEY, 'base64'));
    await new WorkspaceDirectory(schema.sql).createWorkspace('Key NGO');
    const { identity, recipient } = await transferKeyPair();
    const identityFile = join(work, 'backup.key');
    await writeFile(identityFile, `# the backup key\n${identity}\n`, { mode: 0o600 });
    const archive = join(work, 'server.age');

    const written = await cli(['backup', '--out', archive, '--recipient', recipient], {
      DATABASE_URL: schema.url,
    });
    expect(written).toMatchObject({ code: 0 });
    expect(written.stdout).toContain('workspaces: 1 rows');

    const verified = await cli(['verify', archive, '--identity', identityFile], {});
    expect(verified).toMatchObject({ code: 0 });
    expect(verified.stdout).toContain('Backup verified');

    const refused = await cli(['verify', archive], {
      BACKUP_PASSPHRASE: 'not the key of it at all',
    });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('wrong passphrase');
  }, 300_000);
});
