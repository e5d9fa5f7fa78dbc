import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { Actor } from '@app/application';
import { AppConfig } from '@app/config';
import { SQL_CLIENT, SqlClient, SqlExecutor } from '@app/database';
import { generateApiToken, hashApiToken } from './api-token';
import { migrateAuthSchema } from './auth.migrations';
import { Role } from './role';

/** A token as created: `token` is in clear this once and never again (only its hash is kept). */
export interface IssuedToken {
  id: string;
  token: string;
}

export interface BootstrapOptions {
  /** BOOTSTRAP_ADMIN_TOKEN, if set. */
  bootstrapToken?: string;
  mode: AppConfig['mode'];
}

export interface BootstrapOutcome {
  workspaceId: string;
  adminUserId: string;
  /**
   * `registered`: the bootstrap token was stored now; `unchanged`: it was already, or (without
   * one) the admin has a usable token; `revoked`: the bootstrap token was revoked or expired
   * and stays refused; `printed`: a new token went to stdout (embedded mode); `missing`: the
   * admin has no usable token (server mode, which never prints one).
   */
  adminToken: 'registered' | 'unchanged' | 'revoked' | 'printed' | 'missing';
}

const DEFAULT_WORKSPACE_NAME = 'Default workspace';
const ADMIN_USER_NAME = 'admin';
const BOOTSTRAP_LOCK = 'auth_bootstrap';
/** The SQL condition of a token that may be used (`alias` is the table's, with its dot). */
const usable = (alias = '') =>
  `${alias}revoked_at IS NULL AND (${alias}expires_at IS NULL OR ${alias}expires_at > now())`;

// last_used_at tells which tokens are unused; minute precision spares a write per request.
const AUTHENTICATE_SQL = `
  WITH found AS (
    SELECT t.id AS token_id, t.last_used_at, u.id AS user_id, u.name AS user_name,
           u.workspace_id, u.role
      FROM api_tokens t JOIN users u ON u.id = t.user_id
     WHERE t.token_hash = $1 AND ${usable('t.')}
  ), touched AS (
    UPDATE api_tokens SET last_used_at = now()
     WHERE id IN (SELECT token_id FROM found
                   WHERE last_used_at IS NULL OR last_used_at < now() - interval '1 minute')
  )
  SELECT user_id, user_name, workspace_id, role FROM found`;

interface ActorRow {
  user_id: string;
  user_name: string;
  workspace_id: string;
  role: Role;
}

/** API tokens: who a bearer token stands for, issuing tokens, and the first admin at start-up. */
@Injectable()
export class TokenAuthService {
  private readonly logger = new Logger('Auth');

  constructor(@Inject(SQL_CLIENT) private readonly sql: SqlClient) {}

  /** The actor a token stands for; undefined when it is unknown, revoked or expired. */
  async authenticate(token: string): Promise<Actor | undefined> {
    const { rows } = await this.sql.query<ActorRow>(AUTHENTICATE_SQL, [hashApiToken(token)]);
    const row = rows[0];
    return (
      row && {
        userId: row.user_id,
        userName: row.user_name,
        workspaceId: row.workspace_id,
        role: row.role,
      }
    );
  }

  /** A new token for the user; the clear token is returned this once. */
  async createToken(userId: string, options: { expiresAt?: Date } = {}): Promise<IssuedToken> {
    return insertToken(this.sql, userId, options.expiresAt);
  }

  /** True if the token was usable until now. */
  async revokeToken(tokenId: string): Promise<boolean> {
    const { rowCount } = await this.sql.query(
      'UPDATE api_tokens SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL',
      [tokenId],
    );
    return rowCount > 0;
  }

  /**
   * At start-up: the auth schema, the default workspace with its admin user, and the admin's
   * token (BOOTSTRAP_ADMIN_TOKEN registered, or in embedded mode a new one printed once).
   * Idempotent, and safe when several processes start at once.
   */
  async bootstrap({ bootstrapToken, mode }: BootstrapOptions): Promise<BootstrapOutcome> {
    await migrateAuthSchema(this.sql);
    const { outcome, created, printable } = await this.sql.transaction(async (tx) => {
      // Concurrent starts (api replicas on one database) wait here, then see what the first
      // one created.
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [BOOTSTRAP_LOCK]);
      // The oldest workspace is the deployment's own and its oldest admin the bootstrap admin,
      // whatever workspaces and users are added later.
      const workspace = await ensureRow(
        tx,
        'SELECT id FROM workspaces ORDER BY created_at, id LIMIT 1',
        [],
        (id) =>
          tx.query('INSERT INTO workspaces (id, name) VALUES ($1, $2)', [
            id,
            DEFAULT_WORKSPACE_NAME,
          ]),
      );
      const admin = await ensureRow(
        tx,
        "SELECT id FROM users WHERE workspace_id = $1 AND role = 'admin' ORDER BY created_at, id LIMIT 1",
        [workspace.id],
        (id) =>
          tx.query(
            "INSERT INTO users (id, workspace_id, name, role) VALUES ($1, $2, $3, 'admin')",
            [id, workspace.id, ADMIN_USER_NAME],
          ),
      );
      const token =
        bootstrapToken === undefined
          ? await ensureAdminToken(tx, admin.id, mode)
          : await registerBootstrapToken(tx, admin.id, bootstrapToken);
      return {
        outcome: { workspaceId: workspace.id, adminUserId: admin.id, adminToken: token.outcome },
        created: workspace.created || admin.created,
        printable: token.printable,
      };
    });

    if (created) this.logger.log('Created the default workspace and its admin user');
    switch (outcome.adminToken) {
      case 'registered':
        this.logger.log('Registered BOOTSTRAP_ADMIN_TOKEN for the admin user');
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
    if (printable !== undefined) process.stdout.write(tokenBlock(printable));
    return outcome;
  }
}

async function insertToken(
  sql: SqlExecutor,
  userId: string,
  expiresAt?: Date,
): Promise<IssuedToken> {
  const id = randomUUID();
  const token = generateApiToken();
  await sql.query(
    'INSERT INTO api_tokens (id, user_id, token_hash, expires_at) VALUES ($1, $2, $3, $4)',
    [id, userId, hashApiToken(token), expiresAt?.toISOString() ?? null],
  );
  return { id, token };
}

/** The first row `select` finds, or one inserted by `insert` with a new id. */
async function ensureRow(
  tx: SqlExecutor,
  select: string,
  params: readonly unknown[],
  insert: (id: string) => Promise<unknown>,
): Promise<{ id: string; created: boolean }> {
  const found = (await tx.query<{ id: string }>(select, params)).rows[0];
  if (found !== undefined) return { id: found.id, created: false };
  const id = randomUUID();
  await insert(id);
  return { id, created: true };
}

type TokenStep = { outcome: BootstrapOutcome['adminToken']; printable?: string };

async function registerBootstrapToken(
  tx: SqlExecutor,
  adminUserId: string,
  token: string,
): Promise<TokenStep> {
  const hash = hashApiToken(token);
  const existing = (
    await tx.query<{ user_id: string; usable: boolean }>(
      `SELECT user_id, (${usable()}) AS usable FROM api_tokens WHERE token_hash = $1`,
      [hash],
    )
  ).rows[0];
  if (existing === undefined) {
    await tx.query('INSERT INTO api_tokens (id, user_id, token_hash) VALUES ($1, $2, $3)', [
      randomUUID(),
      adminUserId,
      hash,
    ]);
    return { outcome: 'registered' };
  }
  if (existing.user_id !== adminUserId) {
    throw new Error(
      'BOOTSTRAP_ADMIN_TOKEN is already the token of another user; choose a new value',
    );
  }
  // A revoked token never comes back: it may have been revoked because it leaked.
  return { outcome: existing.usable ? 'unchanged' : 'revoked' };
}

async function ensureAdminToken(
  tx: SqlExecutor,
  adminUserId: string,
  mode: AppConfig['mode'],
): Promise<TokenStep> {
  const { rows } = await tx.query(
    `SELECT 1 FROM api_tokens WHERE user_id = $1 AND ${usable()} LIMIT 1`,
    [adminUserId],
  );
  if (rows.length > 0) return { outcome: 'unchanged' };
  // Server mode's stdout goes to log collectors, where a secret must not land.
  if (mode === 'server') return { outcome: 'missing' };
  const { token } = await insertToken(tx, adminUserId);
  return { outcome: 'printed', printable: token };
}

function tokenBlock(token: string): string {
  const rule = '='.repeat(78);
  return (
    `\n${rule}\n` +
    `  Admin token (shown once, store it now): ${token}\n` +
    '  Send it with every request as the header  Authorization: Bearer <token>\n' +
    `${rule}\n\n`
  );
}
