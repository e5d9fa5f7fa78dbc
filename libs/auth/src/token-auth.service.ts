import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { Actor } from '@app/application';
import { AppConfig } from '@app/config';
import { SQL_CLIENT, SqlClient, SqlExecutor } from '@app/database';
import { apiTokenId, generateApiToken, hashApiToken, verifyApiToken } from './api-token';
import { migrateAuthSchema } from './auth.migrations';
import { TotpSecretBox } from './second-factor/totp-secret-box';
import { Role } from './role';
import { insertInvitation } from './invitations/invitation.service';
import type { SignedInSession } from './sessions/session.service';
import { TokenCache } from './token-cache';

/** A token as created: `token` is in clear this once and never again (only its hash is kept). */
export interface IssuedToken {
  id: string;
  token: string;
}

/** Who a verified token or a signed-in session stands for. */
export interface Principal {
  actor: Actor;
  /** Set when the caller sent an API token. */
  tokenId?: string;
  /** Set when the caller sent a session cookie. */
  session?: SignedInSession;
  /** The deployment's own admin (BOOTSTRAP_ADMIN_TOKEN): may create workspaces. */
  deploymentAdmin: boolean;
}

export interface BootstrapOptions {
  /** BOOTSTRAP_ADMIN_TOKEN, if set. */
  bootstrapToken?: string;
  mode: AppConfig['mode'];
  /** Where people open the web app: the first embedded start prints a set-up link there. */
  publicOrigin?: string;
}

export interface BootstrapOutcome {
  workspaceId: string;
  adminUserId: string;
  /**
   * `registered`: the bootstrap token was stored now; `replaced`: it was stored now and the
   * previous bootstrap token revoked; `unchanged`: it was already, or (without one) the admin
   * has a usable token; `revoked`: the bootstrap token was revoked or expired and stays
   * refused; `printed`: a new token went to stdout (embedded mode); `missing`: the admin has no
   * usable token (server mode, which never prints one).
   */
  adminToken: 'registered' | 'replaced' | 'unchanged' | 'revoked' | 'printed' | 'missing';
}

const DEFAULT_WORKSPACE_NAME = 'Default workspace';
const ADMIN_USER_NAME = 'admin';
const BOOTSTRAP_LOCK = 'auth_bootstrap';
/** BOOTSTRAP_ADMIN_TOKEN's rule (libs/config): anything else cannot be a token of ours. */
const BOOTSTRAP_TOKEN_RULE = /^[\x21-\x7e]{24,}$/;
/** How long a verified token is trusted without asking the database again. */
export const TOKEN_CACHE_TTL_MS = 30_000;
const TOKEN_CACHE_ENTRIES = 10_000;

/** The SQL condition of a token that may be used (`alias` is the table's, with its dot). */
export const usableToken = (alias = '') =>
  `${alias}revoked_at IS NULL AND (${alias}expires_at IS NULL OR ${alias}expires_at > now())`;

const CANDIDATES_SQL = `
  SELECT t.id AS token_id, t.secret_hash, u.id AS user_id, u.name AS user_name, u.workspace_id,
         u.role, u.deployment_admin,
         (extract(epoch FROM t.expires_at) * 1000)::float8 AS expires_ms
    FROM api_tokens t JOIN users u ON u.id = t.user_id
   WHERE ${usableToken('t.')} AND u.disabled_at IS NULL`;

interface CandidateRow {
  token_id: string;
  secret_hash: string;
  user_id: string;
  user_name: string;
  workspace_id: string;
  role: Role;
  deployment_admin: boolean;
  expires_ms: number | null;
}

let dummy: Promise<string> | undefined;
/** A hash no token matches, made once, with the same argon2 parameters as real ones. */
function dummyHash(): Promise<string> {
  dummy ??= hashApiToken(randomUUID());
  return dummy;
}

/** API tokens: who a bearer token stands for, issuing and revoking tokens, the first admin. */
@Injectable()
export class TokenAuthService {
  private readonly logger = new Logger('Auth');
  private readonly cache = new TokenCache<Principal>(TOKEN_CACHE_TTL_MS, TOKEN_CACHE_ENTRIES);

  constructor(
    @Inject(SQL_CLIENT) private readonly sql: SqlClient,
    /** For the migrations that seal TOTP secrets under the master key. */
    private readonly totpSecrets: TotpSecretBox,
  ) {}

  /** The actor a token stands for; undefined when it is unknown, revoked or expired. */
  async authenticate(token: string): Promise<Actor | undefined> {
    return (await this.principal(token))?.actor;
  }

  /** A cached verification, without touching the database: undefined when not cached. */
  cachedPrincipal(token: string): Principal | undefined {
    return this.cache.get(token);
  }

  /**
   * Who the token stands for. A token we issued names its row; any other string can only be a
   * BOOTSTRAP_ADMIN_TOKEN. One argon2 verification per candidate row, then cached briefly.
   *
   * A token id that names no usable row is verified against a dummy hash all the same: it
   * answered in ~3 ms against ~20 ms for a real id, which told anyone which ids exist. With
   * `spareUnknown` (the caller's address is locked out) it is refused at once instead: saving
   * the argon2 work of a flood matters more than hiding an id's existence from that address.
   */
  async principal(
    token: string,
    { spareUnknown = false }: { spareUnknown?: boolean } = {},
  ): Promise<Principal | undefined> {
    const cached = this.cache.get(token);
    if (cached !== undefined) return cached;
    const id = apiTokenId(token);
    if (id === undefined && !BOOTSTRAP_TOKEN_RULE.test(token)) return undefined;
    const { rows } =
      id === undefined
        ? await this.sql.query<CandidateRow>(`${CANDIDATES_SQL} AND t.kind = 'bootstrap'`)
        : await this.sql.query<CandidateRow>(`${CANDIDATES_SQL} AND t.id = $1`, [id]);
    if (rows.length === 0 && !spareUnknown) {
      await verifyApiToken(await dummyHash(), token);
      return undefined;
    }
    for (const row of rows) {
      if (!(await verifyApiToken(row.secret_hash, token))) continue;
      const principal: Principal = {
        actor: {
          userId: row.user_id,
          userName: row.user_name,
          workspaceId: row.workspace_id,
          role: row.role,
        },
        tokenId: row.token_id,
        deploymentAdmin: row.deployment_admin,
      };
      await this.touch(row.token_id);
      const expires = row.expires_ms === null ? undefined : new Date(row.expires_ms);
      this.cache.set(token, row.token_id, principal, expires);
      return principal;
    }
    return undefined;
  }

  /** A new token for the user; the clear token is returned this once. */
  async createToken(userId: string, options: { expiresAt?: Date } = {}): Promise<IssuedToken> {
    return insertToken(this.sql, userId, options.expiresAt);
  }

  /** Forgets a verified token in this process (its row was revoked by other means). */
  evictCachedToken(tokenId: string): void {
    this.cache.evictToken(tokenId);
  }

  /**
   * Revokes the token, at once in this process (other processes within TOKEN_CACHE_TTL_MS).
   * With `workspaceId`, only a token of a user of that workspace. True if it was usable.
   */
  async revokeToken(tokenId: string, scope: { workspaceId?: string } = {}): Promise<boolean> {
    const { rowCount } = await this.sql.query(
      `UPDATE api_tokens t SET revoked_at = now()
        WHERE t.id = $1 AND t.revoked_at IS NULL
          AND ($2::uuid IS NULL OR EXISTS
                (SELECT 1 FROM users u WHERE u.id = t.user_id AND u.workspace_id = $2::uuid))`,
      [tokenId, scope.workspaceId ?? null],
    );
    this.cache.evictToken(tokenId);
    return rowCount > 0;
  }

  /**
   * At start-up: the auth schema, the default workspace with the deployment admin, and the
   * admin's token (BOOTSTRAP_ADMIN_TOKEN registered, or in embedded mode a new one printed
   * once). Idempotent, and safe when several processes start at once.
   */
  async bootstrap({
    bootstrapToken,
    mode,
    publicOrigin,
  }: BootstrapOptions): Promise<BootstrapOutcome> {
    await migrateAuthSchema(this.sql, this.totpSecrets);
    const { outcome, created, printable, setupUrl } = await this.sql.transaction(async (tx) => {
      // Concurrent starts (api replicas on one database) wait here, then see what the first
      // one created.
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [BOOTSTRAP_LOCK]);
      const admin = await ensureDeploymentAdmin(tx);
      const token =
        bootstrapToken === undefined
          ? await ensureAdminToken(tx, admin.id, mode)
          : await registerBootstrapToken(tx, admin.id, bootstrapToken);
      // With the printed token, once: the link where the admin chooses a password.
      const setup =
        token.printable !== undefined && publicOrigin !== undefined
          ? await insertInvitation(
              tx,
              publicOrigin,
              admin.workspaceId,
              { name: ADMIN_USER_NAME, role: 'admin', userId: admin.id },
              undefined,
              'setup',
            )
          : undefined;
      return {
        outcome: {
          workspaceId: admin.workspaceId,
          adminUserId: admin.id,
          adminToken: token.outcome,
        },
        created: admin.created,
        printable: token.printable,
        setupUrl: setup?.url,
      };
    });
    // Revoked bootstrap tokens must not outlive a restart in this process's cache either.
    this.cache.clear();

    if (created) this.logger.log('Created the default workspace and its admin user');
    switch (outcome.adminToken) {
      case 'registered':
        this.logger.log('Registered BOOTSTRAP_ADMIN_TOKEN for the admin user');
        break;
      case 'replaced':
        this.logger.log(
          'Registered the new BOOTSTRAP_ADMIN_TOKEN for the admin user and revoked the previous one',
        );
        break;
      case 'revoked':
        this.logger.warn(
          'BOOTSTRAP_ADMIN_TOKEN was revoked or has expired and stays refused; set a new value',
        );
        break;
      case 'missing':
        this.logger.warn(
          'No admin API token exists: set BOOTSTRAP_ADMIN_TOKEN (at least 24 characters) and restart',
        );
        break;
    }
    // Straight to stdout, once, never through the logger: log lines are shipped and kept.
    if (printable !== undefined) process.stdout.write(tokenBlock(printable, setupUrl));
    return outcome;
  }

  // last_used_at tells which tokens are unused; minute precision spares a write per request.
  private async touch(tokenId: string): Promise<void> {
    await this.sql.query(
      `UPDATE api_tokens SET last_used_at = now()
        WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`,
      [tokenId],
    );
  }
}

/** Stores the argon2 hash of a new token for the user; the clear token is returned once. */
export async function insertToken(
  sql: SqlExecutor,
  userId: string,
  expiresAt?: Date,
): Promise<IssuedToken> {
  const { id, token } = generateApiToken();
  await sql.query(
    'INSERT INTO api_tokens (id, user_id, secret_hash, expires_at) VALUES ($1, $2, $3, $4)',
    [id, userId, await hashApiToken(token), expiresAt?.toISOString() ?? null],
  );
  return { id, token };
}

/**
 * The deployment admin, created with the default workspace on the first start. A database
 * from before deployment admins existed had it marked by migration 0002.
 */
async function ensureDeploymentAdmin(
  tx: SqlExecutor,
): Promise<{ id: string; workspaceId: string; created: boolean }> {
  const found = (
    await tx.query<{ id: string; workspace_id: string }>(
      'SELECT id, workspace_id FROM users WHERE deployment_admin',
    )
  ).rows[0];
  if (found !== undefined) return { id: found.id, workspaceId: found.workspace_id, created: false };
  // The oldest workspace is the deployment's own, if some exist already.
  let workspaceId = (
    await tx.query<{ id: string }>('SELECT id FROM workspaces ORDER BY created_at, id LIMIT 1')
  ).rows[0]?.id;
  if (workspaceId === undefined) {
    workspaceId = randomUUID();
    await tx.query('INSERT INTO workspaces (id, name) VALUES ($1, $2)', [
      workspaceId,
      DEFAULT_WORKSPACE_NAME,
    ]);
  }
  const id = randomUUID();
  await tx.query(
    `INSERT INTO users (id, workspace_id, name, role, deployment_admin)
     VALUES ($1, $2, $3, 'admin', true)`,
    [id, workspaceId, ADMIN_USER_NAME],
  );
  return { id, workspaceId, created: true };
}

type TokenStep = { outcome: BootstrapOutcome['adminToken']; printable?: string };

async function registerBootstrapToken(
  tx: SqlExecutor,
  adminUserId: string,
  token: string,
): Promise<TokenStep> {
  // A value in the form of our tokens keeps the id it names; any other is found among the
  // bootstrap tokens, revoked ones included.
  const embeddedId = apiTokenId(token);
  const { rows } = await tx.query<{
    id: string;
    user_id: string;
    secret_hash: string;
    usable: boolean;
  }>(
    `SELECT id, user_id, secret_hash, (${usableToken()}) AS usable FROM api_tokens
      WHERE ${embeddedId === undefined ? "kind = 'bootstrap'" : 'id = $1'}
      ORDER BY created_at DESC`,
    embeddedId === undefined ? [] : [embeddedId],
  );
  for (const row of rows) {
    if (!(await verifyApiToken(row.secret_hash, token))) continue;
    if (row.user_id !== adminUserId) {
      throw new Error(
        'BOOTSTRAP_ADMIN_TOKEN is already the token of another user; choose a new value',
      );
    }
    // A revoked token never comes back: it may have been revoked because it leaked.
    return { outcome: row.usable ? 'unchanged' : 'revoked' };
  }
  if (embeddedId !== undefined && rows.length > 0) {
    throw new Error('BOOTSTRAP_ADMIN_TOKEN names the id of another token; choose a new value');
  }
  // A new value replaces the previous one: changing it is how a leaked one is shut out.
  const revoked = await tx.query(
    "UPDATE api_tokens SET revoked_at = now() WHERE kind = 'bootstrap' AND revoked_at IS NULL",
  );
  await tx.query(
    "INSERT INTO api_tokens (id, user_id, secret_hash, kind) VALUES ($1, $2, $3, 'bootstrap')",
    [embeddedId ?? randomUUID(), adminUserId, await hashApiToken(token)],
  );
  return { outcome: revoked.rowCount > 0 ? 'replaced' : 'registered' };
}

async function ensureAdminToken(
  tx: SqlExecutor,
  adminUserId: string,
  mode: AppConfig['mode'],
): Promise<TokenStep> {
  const { rows } = await tx.query(
    `SELECT 1 FROM api_tokens WHERE user_id = $1 AND ${usableToken()} LIMIT 1`,
    [adminUserId],
  );
  if (rows.length > 0) return { outcome: 'unchanged' };
  // Server mode's stdout goes to log collectors, where a secret must not land.
  if (mode === 'server') return { outcome: 'missing' };
  const { token } = await insertToken(tx, adminUserId);
  return { outcome: 'printed', printable: token };
}

function tokenBlock(token: string, setupUrl: string | undefined): string {
  const rule = '='.repeat(78);
  return (
    `\n${rule}\n` +
    `  Admin token (shown once, store it now): ${token}\n` +
    '  Send it with every request as the header  Authorization: Bearer <token>\n' +
    (setupUrl === undefined
      ? ''
      : `\n  Set-up link (one use, 7 days): open it to choose your sign-in name and password:\n` +
        `  ${setupUrl}\n`) +
    `${rule}\n\n`
  );
}
