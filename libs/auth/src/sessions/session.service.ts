import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@app/config';
import { SQL_CLIENT, SqlClient, SqlExecutor } from '@app/database';
import { Role } from '../role';
import { randomSecret, secretHash } from '../secrets';
import { isoTime } from '../sql-time';

/** A signed-in browser session, as GET /auth/session shows it (with its CSRF token). */
export interface SignedInSession {
  sessionId: string;
  userId: string;
  name: string;
  login: string;
  workspaceId: string;
  workspaceName: string;
  role: Role;
  deploymentAdmin: boolean;
  csrfToken: string;
  /**
   * mayEnrol: see enrolmentAllowed. passed: this session passed the second factor (a code or
   * passkey at sign-in, or the app's enrolment in it).
   */
  secondFactor: { enrolled: boolean; required: boolean; mayEnrol: boolean; passed: boolean };
  expiresAt: string;
  idleExpiresAt: string;
}

/** A session as its owner or an admin lists it: never its secret or CSRF token. */
export interface SessionSummary {
  id: string;
  userId: string;
  userName: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  idleExpiresAt: string;
  address: string | null;
  userAgent: string | null;
}

export interface ClientInfo {
  address?: string;
  userAgent?: string;
}

interface SessionRow {
  id: string;
  csrf_token: string;
  user_id: string;
  name: string;
  login: string;
  workspace_id: string;
  workspace_name: string;
  role: Role;
  deployment_admin: boolean;
  enrolled: boolean;
  required: boolean;
  via_invitation: boolean;
  second_factor_passed: boolean;
  expires_at: string;
  idle_expires_at: string;
}

// Who the session stands for, read fresh at every request: a disabled user, a changed role or
// workspace setting takes effect at the next request.
const SESSION_COLUMNS = `
  s.id, s.csrf_token, s.user_id, u.name, u.login, u.workspace_id, w.name AS workspace_name,
  u.role, u.deployment_admin, (u.totp_enrolled_at IS NOT NULL) AS enrolled,
  (u.role = 'admin' OR w.second_factor_for = 'everyone') AS required, s.via_invitation,
  s.second_factor_passed,
  ${isoTime('s.expires_at')} AS expires_at, ${isoTime('s.idle_expires_at')} AS idle_expires_at`;

/** The condition of a session that may be used (aliases s, u). */
const LIVE = `s.revoked_at IS NULL AND s.expires_at > now() AND s.idle_expires_at > now()
  AND u.disabled_at IS NULL AND u.password_hash IS NOT NULL`;

/**
 * Browser sessions: an opaque secret in a cookie, found by its SHA-256 in `sessions`. Every
 * request reads the row (no cache), so a revocation, a sign-out everywhere or a disabled user
 * stops the next request in every API process.
 */
@Injectable()
export class SessionService {
  private readonly idleMs: number;
  private readonly maxMs: number;

  constructor(
    @Inject(SQL_CLIENT) private readonly sql: SqlClient,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.idleMs = config.signIn.sessionIdleMs;
    this.maxMs = config.signIn.sessionMaxMs;
  }

  /**
   * A new session for the user; the secret (the cookie's value) is returned this once.
   * `viaInvitation`: made by accepting an invitation (or a reset), which may enrol a required
   * second factor (enrolmentAllowed). `secondFactorPassed`: a code or passkey was given.
   */
  async create(
    userId: string,
    client: ClientInfo,
    tx: SqlExecutor = this.sql,
    { viaInvitation = false, secondFactorPassed = false } = {},
  ): Promise<{ secret: string; session: SignedInSession }> {
    const id = randomUUID();
    const secret = randomSecret();
    await tx.query(
      `INSERT INTO sessions (id, user_id, secret_hash, csrf_token, idle_expires_at, expires_at,
                             address, user_agent, via_invitation, second_factor_passed)
       VALUES ($1, $2, $3, $4, now() + make_interval(secs => $5::float8 / 1000),
               now() + make_interval(secs => $6::float8 / 1000), $7, $8, $9, $10)`,
      [
        id,
        userId,
        secretHash(secret),
        randomSecret(),
        Math.min(this.idleMs, this.maxMs),
        this.maxMs,
        client.address?.slice(0, 100) ?? null,
        client.userAgent?.slice(0, 300) ?? null,
        viaInvitation,
        secondFactorPassed,
      ],
    );
    const { rows } = await tx.query<SessionRow>(
      `SELECT ${SESSION_COLUMNS}
         FROM sessions s JOIN users u ON u.id = s.user_id JOIN workspaces w ON w.id = u.workspace_id
        WHERE s.id = $1`,
      [id],
    );
    return { secret, session: toSession(rows[0] as SessionRow) };
  }

  /** The live session of a cookie secret, its idle deadline pushed back; undefined if none. */
  async authenticate(secret: string): Promise<SignedInSession | undefined> {
    const { rows } = await this.sql.query<SessionRow>(
      `UPDATE sessions s
          SET last_seen_at = now(),
              idle_expires_at = least(now() + make_interval(secs => $2::float8 / 1000), s.expires_at)
         FROM users u JOIN workspaces w ON w.id = u.workspace_id
        WHERE s.secret_hash = $1 AND u.id = s.user_id AND ${LIVE}
        RETURNING ${SESSION_COLUMNS}`,
      [secretHash(secret), this.idleMs],
    );
    return rows[0] === undefined ? undefined : toSession(rows[0]);
  }

  /**
   * Revokes one session of the user, or (with workspaceId) of any user of that workspace.
   * True if it was live.
   */
  async revoke(
    sessionId: string,
    scope: { userId: string } | { workspaceId: string },
  ): Promise<boolean> {
    const { rowCount } = await this.sql.query(
      `UPDATE sessions s SET revoked_at = now()
         FROM users u
        WHERE s.id = $1 AND u.id = s.user_id AND s.revoked_at IS NULL
          AND ${'userId' in scope ? 'u.id' : 'u.workspace_id'} = $2`,
      [sessionId, 'userId' in scope ? scope.userId : scope.workspaceId],
    );
    return rowCount > 0;
  }

  /** Ends every session of the user (sign out everywhere, a reset, a disabled user). */
  async revokeAll(userId: string, tx: SqlExecutor = this.sql): Promise<number> {
    const { rowCount } = await tx.query(
      'UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL',
      [userId],
    );
    return rowCount;
  }

  /** The live sessions of a user or of a workspace, newest first. */
  async list(scope: { userId: string } | { workspaceId: string }): Promise<SessionSummary[]> {
    const { rows } = await this.sql.query<{
      id: string;
      user_id: string;
      user_name: string;
      created_at: string;
      last_seen_at: string;
      expires_at: string;
      idle_expires_at: string;
      address: string | null;
      user_agent: string | null;
    }>(
      `SELECT s.id, s.user_id, u.name AS user_name, ${isoTime('s.created_at')} AS created_at,
              ${isoTime('s.last_seen_at')} AS last_seen_at, ${isoTime('s.expires_at')} AS expires_at,
              ${isoTime('s.idle_expires_at')} AS idle_expires_at, s.address, s.user_agent
         FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE ${'userId' in scope ? 'u.id' : 'u.workspace_id'} = $1 AND ${LIVE}
        ORDER BY s.created_at DESC, s.id`,
      ['userId' in scope ? scope.userId : scope.workspaceId],
    );
    return rows.map((r) => ({
      id: r.id,
      userId: r.user_id,
      userName: r.user_name,
      createdAt: r.created_at,
      lastSeenAt: r.last_seen_at,
      expiresAt: r.expires_at,
      idleExpiresAt: r.idle_expires_at,
      address: r.address,
      userAgent: r.user_agent,
    }));
  }
}

/**
 * Whether the session may enrol a second factor now. Where one is required and none is
 * enrolled, a password alone must not be enough to bind a factor (a stolen password would let
 * its thief enrol their own phone): only the session made by accepting an invitation or a reset
 * of the sign-in (links an admin hands over) may. Voluntary enrolment, where none is required,
 * is open to any session of the person.
 */
function enrolmentAllowed(row: Pick<SessionRow, 'enrolled' | 'required' | 'via_invitation'>) {
  return !row.enrolled && (!row.required || row.via_invitation);
}

function toSession(row: SessionRow): SignedInSession {
  return {
    sessionId: row.id,
    userId: row.user_id,
    name: row.name,
    login: row.login,
    workspaceId: row.workspace_id,
    workspaceName: row.workspace_name,
    role: row.role,
    deploymentAdmin: row.deployment_admin,
    csrfToken: row.csrf_token,
    secondFactor: {
      enrolled: row.enrolled,
      required: row.required,
      mayEnrol: enrolmentAllowed(row),
      passed: row.second_factor_passed,
    },
    expiresAt: row.expires_at,
    idleExpiresAt: row.idle_expires_at,
  };
}
