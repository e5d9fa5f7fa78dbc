import { randomUUID } from 'node:crypto';
import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@app/config';
import { SQL_CLIENT, SqlClient, SqlExecutor } from '@app/database';
import { DomainError } from '@app/domain';
import { AuditLog } from '../audit-log';
import { hashPassword } from '../passwords/password-hash';
import { passwordProblem } from '../passwords/password-policy';
import { Role } from '../role';
import { randomSecret, secretHash } from '../secrets';
import { ClientInfo, SessionService, SignedInSession } from '../sessions/session.service';
import { SignInProblem } from '../sign-in/sign-in-problem';
import { isoTime } from '../sql-time';

/** How long an invitation link works. */
export const INVITATION_LIFETIME_MS = 7 * 24 * 3_600_000;

export interface IssuedInvitation {
  invitationId: string;
  url: string;
  expiresAt: string;
}

export interface InvitationSummary {
  invitationId: string;
  name: string;
  role: Role;
  /** Set when the invitation signs in an existing user (a reset, the set-up link). */
  userId: string | null;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
  revokedAt: string | null;
  status: 'pending' | 'used' | 'revoked' | 'expired';
}

export interface InvitationPreview {
  name: string;
  role: Role;
  workspaceName: string;
  expiresAt: string;
  secondFactorRequired: boolean;
}

/** Where an invitation link leads: the web app's set-up page for the deployment admin. */
export type InvitationPage = 'invite' | 'setup';

/** A sign-in name: what people type, so plain; case does not matter. */
export const LOGIN_RULE = /^[\p{L}\p{N}][\p{L}\p{N}._@-]{2,63}$/u;

/**
 * Invitations: one-use links (7 days, revocable) through which a person chooses a sign-in name
 * and a password. Only the SHA-256 of a code is stored; the link is shown once to the admin
 * who passes it on by a channel the NGO trusts.
 */
@Injectable()
export class InvitationService {
  private readonly origin: string;

  constructor(
    @Inject(SQL_CLIENT) private readonly sql: SqlClient,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly sessions: SessionService,
    private readonly audit: AuditLog,
  ) {
    this.origin = config.signIn.publicOrigin;
  }

  /** A new invitation to the workspace, for a new person or (userId) an existing user. */
  async create(
    workspaceId: string,
    invitee: { name: string; role: Role; userId?: string },
    createdBy: string | undefined,
    tx: SqlExecutor = this.sql,
  ): Promise<IssuedInvitation> {
    return insertInvitation(tx, this.origin, workspaceId, invitee, createdBy);
  }

  async list(workspaceId: string): Promise<InvitationSummary[]> {
    const { rows } = await this.sql.query<{
      id: string;
      name: string;
      role: Role;
      user_id: string | null;
      created_at: string;
      expires_at: string;
      used_at: string | null;
      revoked_at: string | null;
      expired: boolean;
    }>(
      `SELECT id, name, role, user_id, ${isoTime('created_at')} AS created_at,
              ${isoTime('expires_at')} AS expires_at, ${isoTime('used_at')} AS used_at,
              ${isoTime('revoked_at')} AS revoked_at, (expires_at <= now()) AS expired
         FROM invitations WHERE workspace_id = $1 ORDER BY created_at DESC, id`,
      [workspaceId],
    );
    return rows.map((r) => ({
      invitationId: r.id,
      name: r.name,
      role: r.role,
      userId: r.user_id,
      createdAt: r.created_at,
      expiresAt: r.expires_at,
      usedAt: r.used_at,
      revokedAt: r.revoked_at,
      status:
        r.used_at !== null
          ? 'used'
          : r.revoked_at !== null
            ? 'revoked'
            : r.expired
              ? 'expired'
              : 'pending',
    }));
  }

  /** Revokes a pending invitation of the workspace; false if there is none with this id. */
  async revoke(workspaceId: string, invitationId: string, tx: SqlExecutor = this.sql) {
    const { rowCount } = await tx.query(
      `UPDATE invitations SET revoked_at = now()
        WHERE id = $1 AND workspace_id = $2 AND used_at IS NULL AND revoked_at IS NULL`,
      [invitationId, workspaceId],
    );
    return rowCount > 0;
  }

  /** A new link for an invitation not yet used (the old link stops working). */
  async reissue(
    workspaceId: string,
    invitationId: string,
    by: string,
  ): Promise<IssuedInvitation | undefined> {
    return this.sql.transaction(async (tx) => {
      const { rows } = await tx.query<{ name: string; role: Role; user_id: string | null }>(
        `UPDATE invitations SET revoked_at = coalesce(revoked_at, now())
          WHERE id = $1 AND workspace_id = $2 AND used_at IS NULL
          RETURNING name, role, user_id`,
        [invitationId, workspaceId],
      );
      const old = rows[0];
      if (old === undefined) return undefined;
      return this.create(
        workspaceId,
        { name: old.name, role: old.role, ...(old.user_id !== null && { userId: old.user_id }) },
        by,
        tx,
      );
    });
  }

  /** What the invitation page shows before the person accepts. */
  async preview(code: string): Promise<InvitationPreview> {
    const { rows } = await this.sql.query<{
      name: string;
      role: Role;
      workspace_name: string;
      expires_at: string;
      usable: boolean;
      required: boolean;
    }>(
      `SELECT i.name, i.role, w.name AS workspace_name, ${isoTime('i.expires_at')} AS expires_at,
              (i.used_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > now()) AS usable,
              (i.role = 'admin' OR w.second_factor_for = 'everyone') AS required
         FROM invitations i JOIN workspaces w ON w.id = i.workspace_id
        WHERE i.code_hash = $1`,
      [secretHash(code)],
    );
    const row = rows[0];
    if (row === undefined) throw unknownInvitation();
    if (!row.usable) throw goneInvitation();
    return {
      name: row.name,
      role: row.role,
      workspaceName: row.workspace_name,
      expiresAt: row.expires_at,
      secondFactorRequired: row.required,
    };
  }

  /**
   * The person's sign-in name and password; the invitation is used up and the person signed in,
   * all or nothing.
   */
  async accept(
    code: string,
    chosen: { login: string; password: string },
    client: ClientInfo,
  ): Promise<{ secret: string; session: SignedInSession }> {
    const preview = await this.preview(code);
    const login = chosen.login.trim();
    const fields = [];
    if (!LOGIN_RULE.test(login)) {
      fields.push({
        field: 'login',
        message:
          'must be 3 to 64 letters, digits, dots, dashes, underscores or @, starting with a letter or digit',
      });
    }
    const weak = passwordProblem(chosen.password, { login, name: preview.name });
    if (weak !== undefined) fields.push({ field: 'password', message: weak });
    if (fields.length > 0) throw DomainError.invalid(fields);
    const passwordHash = await hashPassword(chosen.password);

    const accepted = await this.sql
      .transaction(async (tx) => {
        const { rows } = await tx.query<{
          id: string;
          workspace_id: string;
          name: string;
          role: Role;
          user_id: string | null;
        }>(
          `UPDATE invitations SET used_at = now()
            WHERE code_hash = $1 AND used_at IS NULL AND revoked_at IS NULL AND expires_at > now()
            RETURNING id, workspace_id, name, role, user_id`,
          [secretHash(code)],
        );
        const invitation = rows[0];
        if (invitation === undefined) throw goneInvitation();
        const userId = invitation.user_id ?? randomUUID();
        if (invitation.user_id === null) {
          await tx.query(
            `INSERT INTO users (id, workspace_id, name, role, login, password_hash)
             VALUES ($1, $2, $3, $4, $5, $6)`,
            [
              userId,
              invitation.workspace_id,
              invitation.name,
              invitation.role,
              login,
              passwordHash,
            ],
          );
        } else {
          await tx.query(
            'UPDATE users SET login = $2, password_hash = $3, disabled_at = NULL WHERE id = $1',
            [userId, login, passwordHash],
          );
        }
        const created = await this.sessions.create(userId, client, tx, { viaInvitation: true });
        return { ...created, invitation };
      })
      .catch((error: unknown) => {
        if ((error as { code?: unknown }).code === '23505') {
          throw new DomainError('conflict', 'login_taken', 'this sign-in name is taken');
        }
        throw error;
      });
    await this.audit.record({
      action: 'invitation accepted',
      status: HttpStatus.CREATED,
      workspaceId: accepted.invitation.workspace_id,
      userId: accepted.session.userId,
      role: accepted.invitation.role,
      targetId: accepted.invitation.id,
      ...(client.address !== undefined && { address: client.address }),
    });
    return { secret: accepted.secret, session: accepted.session };
  }
}

/** Stores a new invitation; the link (with the code in clear) is returned this once. */
export async function insertInvitation(
  tx: SqlExecutor,
  origin: string,
  workspaceId: string,
  invitee: { name: string; role: Role; userId?: string },
  createdBy: string | undefined,
  page: InvitationPage = 'invite',
): Promise<IssuedInvitation> {
  const id = randomUUID();
  const code = randomSecret();
  const expiresAt = new Date(Date.now() + INVITATION_LIFETIME_MS).toISOString();
  await tx.query(
    `INSERT INTO invitations (id, workspace_id, name, role, user_id, code_hash, created_by, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      id,
      workspaceId,
      invitee.name,
      invitee.role,
      invitee.userId ?? null,
      secretHash(code),
      createdBy ?? null,
      expiresAt,
    ],
  );
  return { invitationId: id, url: `${origin}/${page}?code=${code}`, expiresAt };
}

function unknownInvitation(): DomainError {
  return new DomainError('not_found', 'invitation_not_found', 'no such invitation');
}

function goneInvitation(): SignInProblem {
  return new SignInProblem(
    HttpStatus.GONE,
    'This invitation was used, revoked or has expired; ask your admin for a new link.',
    'invitation_gone',
  );
}
