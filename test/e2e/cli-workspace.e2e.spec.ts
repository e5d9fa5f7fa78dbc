import { randomBytes } from 'node:crypto';
import { secretHash, TokenAuthService, TotpSecretBox } from '@app/auth';
import { AppProcess } from '../support/api-process';
import { createTestSchema, TestSchema } from '../support/test-postgres';

/** Seals TOTP secrets in this test's database (a key of its own, as MASTER_KEY would be). */
const totpSecrets = new TotpSecretBox(randomBytes(32));

const CLI = 'apps/cli/src/main.ts';

describe('npm run cli -- workspace:create (server mode)', () => {
  let schema: TestSchema;

  beforeAll(async () => {
    schema = await createTestSchema('cli_workspace');
  });
  afterAll(async () => schema?.drop());

  it('creates a workspace and prints its id and a working admin token, once', async () => {
    const cli = AppProcess.start(CLI, { DATABASE_URL: schema.url }, [
      'workspace:create',
      'Kadyr-Kasiyet',
    ]);
    expect(await cli.exited).toEqual({ code: 0, signal: null });

    const id = /^Workspace id: ([0-9a-f-]{36})$/m.exec(cli.stdout)?.[1];
    const token = /^Admin token \(shown once, store it now\): (rl_[0-9a-f]{32}_[\w-]{43})$/m.exec(
      cli.stdout,
    )?.[1];
    expect(id).toBeDefined();
    expect(
      await new TokenAuthService(schema.sql, totpSecrets).authenticate(token as string),
    ).toMatchObject({
      workspaceId: id,
      role: 'admin',
      userName: 'admin',
    });
    const { rows } = await schema.sql.query('SELECT name FROM workspaces WHERE id = $1', [id]);
    expect(rows).toEqual([{ name: 'Kadyr-Kasiyet' }]);
    expect(cli.stderr).toBe('');
  }, 60_000);

  it('prints a one-use invitation link for a workspace (`invite --workspace <id> --role admin`)', async () => {
    const { rows } = await schema.sql.query<{ id: string }>('SELECT id FROM workspaces LIMIT 1');
    const workspaceId = rows[0]?.id as string;
    const cli = AppProcess.start(
      CLI,
      { DATABASE_URL: schema.url, PUBLIC_ORIGIN: 'https://ledger.example.org' },
      ['invite', '--workspace', workspaceId, '--role', 'admin'],
    );
    expect(await cli.exited).toEqual({ code: 0, signal: null });
    const url = /^Invitation link \(one use, until [^)]+\): (\S+)$/m.exec(cli.stdout)?.[1];
    expect(url).toMatch(/^https:\/\/ledger\.example\.org\/invite\?code=[\w-]{43}$/);
    const code = new URL(url as string).searchParams.get('code') as string;
    const invitation = await schema.sql.query(
      'SELECT workspace_id, role, used_at FROM invitations WHERE code_hash = $1',
      [secretHash(code)],
    );
    expect(invitation.rows).toEqual([{ workspace_id: workspaceId, role: 'admin', used_at: null }]);

    const unknown = AppProcess.start(CLI, { DATABASE_URL: schema.url }, [
      'invite',
      '--workspace',
      workspaceId,
      '--role',
      'boss',
    ]);
    expect((await unknown.exited).code).toBe(2);
  }, 60_000);

  it('refuses a missing name with the usage, exit code 2', async () => {
    const cli = AppProcess.start(CLI, { DATABASE_URL: schema.url }, ['workspace:create']);
    expect((await cli.exited).code).toBe(2);
    expect(cli.stderr).toContain('workspace:create <name>');
  }, 60_000);
});
