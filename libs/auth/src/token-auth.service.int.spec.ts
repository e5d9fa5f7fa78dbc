import { randomBytes, randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { SqlClient } from '@app/database';
import { openTestPglite } from '../../../test/support/pglite-template';
import { createTestSchema } from '../../../test/support/test-postgres';
import { migrate } from '@app/database';
import { generateApiToken, verifyApiToken } from './api-token';
import { AUTH_MIGRATIONS, migrateAuthSchema } from './auth.migrations';
import { TotpSecretBox } from './second-factor/totp-secret-box';
import { secretHash } from './secrets';
import { TokenAuthService } from './token-auth.service';

/** Seals TOTP secrets in this test's database (a key of its own, as MASTER_KEY would be). */
const totpSecrets = new TotpSecretBox(randomBytes(32));

interface Database {
  sql: SqlClient;
  close(): Promise<void>;
}

const databases: [string, () => Promise<Database>][] = [
  [
    'PostgreSQL',
    async () => {
      const schema = await createTestSchema('auth');
      return { sql: schema.sql, close: () => schema.drop() };
    },
  ],
  [
    'PGlite',
    async () => {
      const sql = await openTestPglite();
      return { sql, close: () => sql.close() };
    },
  ],
];

const BOOTSTRAP_TOKEN = 'Zm9yLXRlc3RzLW9ubHktbm90LWEtcmVhbC1zZWNyZXQ=';
const PRINTED = /Admin token \(shown once, store it now\): (rl_[0-9a-f]{32}_[A-Za-z0-9_-]{43})\n/;

describe.each(databases)('TokenAuthService on %s', (_, open) => {
  let db: Database;
  let auth: TokenAuthService;
  let printed: string[];
  let warnings: string[];

  const count = async (table: string) =>
    (await db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]?.n;
  const printedTokens = () => printed.flatMap((text) => PRINTED.exec(text)?.[1] ?? []);

  // One database per file (PGlite takes seconds to start), emptied before each test.
  beforeAll(async () => {
    db = await open();
    await migrateAuthSchema(db.sql, totpSecrets);
  });

  afterAll(() => db.close());

  beforeEach(async () => {
    await db.sql.exec(
      'TRUNCATE api_tokens, sessions, recovery_codes, passkeys, webauthn_challenges, invitations, users, workspaces',
    );
    auth = new TokenAuthService(db.sql, totpSecrets);
    printed = [];
    warnings = [];
    jest.spyOn(process.stdout, 'write').mockImplementation((text) => {
      printed.push(String(text));
      return true;
    });
    jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    jest.spyOn(Logger.prototype, 'warn').mockImplementation((message) => {
      warnings.push(String(message));
    });
  });

  afterEach(() => jest.restoreAllMocks());

  describe('bootstrap', () => {
    it('creates one workspace, one admin and one printed token when two starts race (embedded)', async () => {
      const outcomes = await Promise.all([
        auth.bootstrap({ mode: 'embedded' }),
        new TokenAuthService(db.sql, totpSecrets).bootstrap({ mode: 'embedded' }),
      ]);

      expect(outcomes.map((o) => o.adminToken).sort()).toEqual(['printed', 'unchanged']);
      const [first, second] = outcomes;
      expect(second?.workspaceId).toBe(first?.workspaceId);
      expect(second?.adminUserId).toBe(first?.adminUserId);
      expect(await count('workspaces')).toBe(1);
      expect(await count('users')).toBe(1);
      expect(await count('api_tokens')).toBe(1);
      const { rows } = await db.sql.query('SELECT name FROM workspaces');
      expect(rows).toEqual([{ name: 'Default workspace' }]);

      const tokens = printedTokens();
      expect(tokens).toHaveLength(1);
      expect(await auth.authenticate(tokens[0] as string)).toEqual({
        userId: first?.adminUserId,
        userName: 'admin',
        workspaceId: first?.workspaceId,
        role: 'admin',
      });
    });

    it('prints a one-time set-up link for the deployment admin beside the first token', async () => {
      const first = await auth.bootstrap({
        mode: 'embedded',
        publicOrigin: 'http://localhost:3000',
      });
      const links = printed.join('').match(/http:\/\/localhost:3000\/setup\?code=[\w-]{43}/g);
      expect(links).toHaveLength(1);
      const code = new URL((links as string[])[0] as string).searchParams.get('code') as string;
      const { rows } = await db.sql.query(
        'SELECT user_id, role, used_at FROM invitations WHERE code_hash = $1',
        [secretHash(code)],
      );
      expect(rows).toEqual([{ user_id: first.adminUserId, role: 'admin', used_at: null }]);

      printed.length = 0;
      await auth.bootstrap({ mode: 'embedded', publicOrigin: 'http://localhost:3000' });
      expect(printed.join('')).not.toContain('/setup?code=');
    });

    it('prints nothing on a restart, and the first token still works', async () => {
      const first = await auth.bootstrap({ mode: 'embedded' });
      const [token] = printedTokens();
      printed = [];

      const restart = await new TokenAuthService(db.sql, totpSecrets).bootstrap({
        mode: 'embedded',
      });

      expect(restart).toEqual({ ...first, adminToken: 'unchanged' });
      expect(printed).toEqual([]);
      expect(await count('api_tokens')).toBe(1);
      expect(await auth.authenticate(token as string)).toMatchObject({ role: 'admin' });
    });

    it('registers BOOTSTRAP_ADMIN_TOKEN once, however many starts, and prints nothing', async () => {
      const outcomes = await Promise.all(
        [1, 2, 3].map(() =>
          new TokenAuthService(db.sql, totpSecrets).bootstrap({
            mode: 'embedded',
            bootstrapToken: BOOTSTRAP_TOKEN,
          }),
        ),
      );
      const restart = await auth.bootstrap({ mode: 'embedded', bootstrapToken: BOOTSTRAP_TOKEN });

      expect(outcomes.map((o) => o.adminToken).sort()).toEqual([
        'registered',
        'unchanged',
        'unchanged',
      ]);
      expect(restart.adminToken).toBe('unchanged');
      expect(await count('users')).toBe(1);
      const { rows } = await db.sql.query<{ secret_hash: string; kind: string }>(
        'SELECT secret_hash, kind FROM api_tokens',
      );
      expect(rows).toEqual([
        { secret_hash: expect.stringMatching(/^\$argon2id\$/), kind: 'bootstrap' },
      ]);
      expect(await verifyApiToken(rows[0]?.secret_hash as string, BOOTSTRAP_TOKEN)).toBe(true);
      expect(printed).toEqual([]);
      expect(await auth.authenticate(BOOTSTRAP_TOKEN)).toMatchObject({
        userName: 'admin',
        role: 'admin',
        workspaceId: restart.workspaceId,
      });
    });

    it('in server mode prints no token and warns that BOOTSTRAP_ADMIN_TOKEN is needed', async () => {
      const outcome = await auth.bootstrap({ mode: 'server' });

      expect(outcome.adminToken).toBe('missing');
      expect(await count('api_tokens')).toBe(0);
      expect(printed).toEqual([]);
      expect(warnings).toEqual([expect.stringContaining('set BOOTSTRAP_ADMIN_TOKEN')]);

      const later = await auth.bootstrap({ mode: 'server', bootstrapToken: BOOTSTRAP_TOKEN });
      expect(later).toEqual({ ...outcome, adminToken: 'registered' });
    });

    it('never brings back a revoked BOOTSTRAP_ADMIN_TOKEN', async () => {
      await auth.bootstrap({ mode: 'server', bootstrapToken: BOOTSTRAP_TOKEN });
      const { rows } = await db.sql.query<{ id: string }>('SELECT id FROM api_tokens');
      expect(await auth.revokeToken(rows[0]?.id as string)).toBe(true);

      const restart = await auth.bootstrap({ mode: 'server', bootstrapToken: BOOTSTRAP_TOKEN });

      expect(restart.adminToken).toBe('revoked');
      expect(warnings).toEqual([expect.stringContaining('stays refused')]);
      expect(await auth.authenticate(BOOTSTRAP_TOKEN)).toBeUndefined();
    });

    it('prints a new token in embedded mode once the admin has no usable one left', async () => {
      const { adminUserId } = await auth.bootstrap({ mode: 'embedded' });
      const [first] = printedTokens();
      const { rows } = await db.sql.query<{ id: string }>('SELECT id FROM api_tokens');
      await auth.revokeToken(rows[0]?.id as string);

      const restart = await auth.bootstrap({ mode: 'embedded' });

      expect(restart).toMatchObject({ adminUserId, adminToken: 'printed' });
      const tokens = printedTokens();
      expect(tokens).toHaveLength(2);
      expect(tokens[1]).not.toBe(first);
      expect(await auth.authenticate(first as string)).toBeUndefined();
      expect(await auth.authenticate(tokens[1] as string)).toMatchObject({ userId: adminUserId });
    });

    it("refuses a BOOTSTRAP_ADMIN_TOKEN that is another user's token", async () => {
      const { workspaceId } = await auth.bootstrap({ mode: 'server' });
      const monitor = await addUser(db.sql, workspaceId, 'monitor');
      const { token } = await auth.createToken(monitor);

      await expect(auth.bootstrap({ mode: 'server', bootstrapToken: token })).rejects.toThrow(
        'BOOTSTRAP_ADMIN_TOKEN is already the token of another user',
      );
      expect(await auth.authenticate(token)).toMatchObject({ role: 'monitor' });
    });
  });

  describe('a changed BOOTSTRAP_ADMIN_TOKEN', () => {
    const NEXT_TOKEN = 'bmV4dC10b2tlbi1mb3ItdGVzdHMtb25seS0wMDAwMDA=';

    it('revokes the previous one, keeps other admin tokens, and never brings the old back', async () => {
      const first = await auth.bootstrap({ mode: 'server', bootstrapToken: BOOTSTRAP_TOKEN });
      const other = await auth.createToken(first.adminUserId);
      expect(await auth.authenticate(BOOTSTRAP_TOKEN)).toBeDefined(); // now cached

      const second = await auth.bootstrap({ mode: 'server', bootstrapToken: NEXT_TOKEN });

      expect(second).toEqual({ ...first, adminToken: 'replaced' });
      expect(await auth.authenticate(BOOTSTRAP_TOKEN)).toBeUndefined();
      expect(await auth.principal(NEXT_TOKEN)).toMatchObject({
        deploymentAdmin: true,
        actor: { userId: first.adminUserId, role: 'admin' },
      });
      expect(await auth.authenticate(other.token)).toMatchObject({ userId: first.adminUserId });
      const back = await auth.bootstrap({ mode: 'server', bootstrapToken: BOOTSTRAP_TOKEN });
      expect(back.adminToken).toBe('revoked');
      expect(await auth.authenticate(BOOTSTRAP_TOKEN)).toBeUndefined();
    });

    it('accepts a value in the form of an issued token, under the id it names', async () => {
      const { id, token } = generateApiToken();
      await auth.bootstrap({ mode: 'server', bootstrapToken: token });

      expect(await auth.principal(token)).toMatchObject({ tokenId: id, deploymentAdmin: true });
      const restart = await auth.bootstrap({ mode: 'server', bootstrapToken: token });
      expect(restart.adminToken).toBe('unchanged');
    });
  });

  describe('migration from SHA-256 token hashes', () => {
    it('revokes the old tokens, drops their hashes, and marks the deployment admin', async () => {
      const old = await open();
      try {
        await migrate(old.sql, 'auth_migrations', AUTH_MIGRATIONS.slice(0, 1));
        const [workspace, admin, later] = [randomUUID(), randomUUID(), randomUUID()];
        await old.sql.query("INSERT INTO workspaces (id, name) VALUES ($1, 'Old')", [workspace]);
        for (const [user, at] of [
          [admin, '2020-01-01'],
          [later, '2021-01-01'],
        ]) {
          await old.sql.query(
            "INSERT INTO users (id, workspace_id, name, role, created_at) VALUES ($1, $2, 'x', 'admin', $3)",
            [user, workspace, at],
          );
        }
        await old.sql.query(
          "INSERT INTO api_tokens (id, user_id, token_hash) VALUES ($1, $2, 'ba7816bf8f01cfea')",
          [randomUUID(), admin],
        );

        const outcome = await new TokenAuthService(old.sql, totpSecrets).bootstrap({
          mode: 'embedded',
        });

        expect(outcome).toMatchObject({
          adminUserId: admin,
          workspaceId: workspace,
          adminToken: 'printed',
        });
        const { rows } = await old.sql.query(
          'SELECT secret_hash, revoked_at IS NOT NULL AS revoked FROM api_tokens WHERE user_id = $1 ORDER BY created_at',
          [admin],
        );
        expect(rows[0]).toEqual({ secret_hash: 'retired-sha256', revoked: true });
        const flagged = await old.sql.query('SELECT id FROM users WHERE deployment_admin');
        expect(flagged.rows).toEqual([{ id: admin }]);
      } finally {
        await old.close();
      }
    }, 60_000);
  });

  describe('tokens', () => {
    let adminUserId: string;
    beforeEach(async () => {
      ({ adminUserId } = await auth.bootstrap({ mode: 'server' }));
    });

    it('stores only the hash of a created token', async () => {
      const { id, token } = await auth.createToken(adminUserId);

      expect(token).toMatch(/^rl_[0-9a-f]{32}_[A-Za-z0-9_-]{43}$/);
      const { rows } = await db.sql.query<{ secret_hash: string }>(
        'SELECT * FROM api_tokens WHERE id = $1',
        [id],
      );
      expect(await verifyApiToken(rows[0]?.secret_hash as string, token)).toBe(true);
      expect(JSON.stringify(rows)).not.toContain(token.slice(36));
    });

    it('refuses an unknown token', async () => {
      expect(
        await auth.authenticate('rl_nobody-has-this-token-0000000000000000000'),
      ).toBeUndefined();
      expect(await auth.authenticate('')).toBeUndefined();
    });

    it('refuses a revoked token', async () => {
      const { id, token } = await auth.createToken(adminUserId);
      expect(await auth.authenticate(token)).toBeDefined();

      expect(await auth.revokeToken(id)).toBe(true);

      expect(await auth.authenticate(token)).toBeUndefined();
      expect(await auth.revokeToken(id)).toBe(false);
    });

    it('evicts a revoked token from the cache at once, and scopes revocation to a workspace', async () => {
      const { id, token } = await auth.createToken(adminUserId);
      expect(await auth.authenticate(token)).toBeDefined();
      expect(auth.cachedPrincipal(token)).toBeDefined();

      expect(await auth.revokeToken(id, { workspaceId: randomUUID() })).toBe(false);
      expect(await auth.authenticate(token)).toBeDefined();
      const { workspaceId } = await auth.bootstrap({ mode: 'server' });
      expect(await auth.revokeToken(id, { workspaceId })).toBe(true);

      expect(auth.cachedPrincipal(token)).toBeUndefined();
      expect(await auth.authenticate(token)).toBeUndefined();
    });

    it('refuses a well-formed token whose secret is wrong, and one whose id is unknown', async () => {
      const { id, token } = await auth.createToken(adminUserId);
      const forged = `${token.slice(0, 36)}${'A'.repeat(43)}`;
      expect(await auth.authenticate(forged)).toBeUndefined();
      expect(await auth.authenticate(generateApiToken().token)).toBeUndefined();
      expect(await auth.principal(token)).toMatchObject({ tokenId: id, deploymentAdmin: true });
    });

    it('refuses an expired token and accepts one not yet expired', async () => {
      const expired = await auth.createToken(adminUserId, {
        expiresAt: new Date(Date.now() - 1_000),
      });
      const current = await auth.createToken(adminUserId, {
        expiresAt: new Date(Date.now() + 60_000),
      });

      expect(await auth.authenticate(expired.token)).toBeUndefined();
      expect(await auth.authenticate(current.token)).toMatchObject({ userId: adminUserId });
    });

    it("gives the actor of the token's user, and records when it was last used", async () => {
      const { workspaceId } = await auth.bootstrap({ mode: 'server' });
      const analyst = await addUser(db.sql, workspaceId, 'analyst');
      const { id, token } = await auth.createToken(analyst);

      expect(await auth.authenticate(token)).toEqual({
        userId: analyst,
        userName: 'user-analyst',
        workspaceId,
        role: 'analyst',
      });
      const { rows } = await db.sql.query<{ last_used_at: string | null }>(
        'SELECT last_used_at FROM api_tokens WHERE id = $1',
        [id],
      );
      expect(rows[0]?.last_used_at).not.toBeNull();
    });
  });
});

async function addUser(sql: SqlClient, workspaceId: string, role: string): Promise<string> {
  const id = randomUUID();
  await sql.query('INSERT INTO users (id, workspace_id, name, role) VALUES ($1, $2, $3, $4)', [
    id,
    workspaceId,
    `user-${role}`,
    role,
  ]);
  return id;
}
