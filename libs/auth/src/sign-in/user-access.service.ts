import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { Actor } from '@app/application';
import { APP_CONFIG, AppConfig } from '@app/config';
import { SQL_CLIENT, SqlClient } from '@app/database';
import { DomainError } from '@app/domain';
import { AuditLog } from '../audit-log';
import { insertInvitation, IssuedInvitation } from '../invitations/invitation.service';
import { Role } from '../role';
import { TokenAuthService } from '../token-auth.service';

/** An admin taking a person's access back: disabling them, or resetting their sign-in. */
@Injectable()
export class UserAccessService {
  private readonly origin: string;

  constructor(
    @Inject(SQL_CLIENT) private readonly sql: SqlClient,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly tokens: TokenAuthService,
    private readonly audit: AuditLog,
  ) {
    this.origin = config.signIn.publicOrigin;
  }

  /**
   * Disables the user: sign-in refused, every session and API token revoked, at the next
   * request (tokens: in this process at once, in other API processes within the token cache's
   * 30 seconds).
   */
  async disable(admin: Actor, userId: string): Promise<void> {
    if (userId === admin.userId) {
      throw new DomainError('conflict', 'cannot_disable_self', 'you cannot disable yourself');
    }
    const tokenIds = await this.sql.transaction(async (tx) => {
      const { rows } = await tx.query<{ deployment_admin: boolean }>(
        `UPDATE users SET disabled_at = coalesce(disabled_at, now())
          WHERE id = $1 AND workspace_id = $2 AND NOT deployment_admin
          RETURNING deployment_admin`,
        [userId, admin.workspaceId],
      );
      if (rows.length === 0) throw noSuchUser();
      await tx.query(
        'UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL',
        [userId],
      );
      const revoked = await tx.query<{ id: string }>(
        'UPDATE api_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL RETURNING id',
        [userId],
      );
      return revoked.rows.map((r) => r.id);
    });
    for (const id of tokenIds) this.tokens.evictCachedToken(id);
    await this.record(admin, 'user disabled', userId);
  }

  /**
   * A new invitation for the user; until it is accepted the user has no password, no second
   * factor and no session (all stop at once). Re-enables a disabled user: the admin wants them
   * back. API tokens are the scripts' and are left alone.
   */
  async resetSignIn(admin: Actor, userId: string): Promise<IssuedInvitation> {
    const invitation = await this.sql.transaction(async (tx) => {
      const { rows } = await tx.query<{ name: string; role: Role }>(
        `UPDATE users SET password_hash = NULL, totp_secret_sealed = NULL, totp_pending_sealed = NULL,
                          totp_enrolled_at = NULL, totp_last_step = NULL, disabled_at = NULL
          WHERE id = $1 AND workspace_id = $2
          RETURNING name, role`,
        [userId, admin.workspaceId],
      );
      const user = rows[0];
      if (user === undefined) throw noSuchUser();
      await tx.query('DELETE FROM recovery_codes WHERE user_id = $1', [userId]);
      await tx.query('DELETE FROM passkeys WHERE user_id = $1', [userId]);
      await tx.query(
        'UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL',
        [userId],
      );
      // Earlier links for this user stop: only the newest one may set the password.
      await tx.query(
        `UPDATE invitations SET revoked_at = now()
          WHERE user_id = $1 AND used_at IS NULL AND revoked_at IS NULL`,
        [userId],
      );
      return insertInvitation(
        tx,
        this.origin,
        admin.workspaceId,
        { name: user.name, role: user.role, userId },
        admin.userId,
      );
    });
    await this.record(admin, 'sign-in reset', userId);
    return invitation;
  }

  private record(admin: Actor, action: string, targetId: string): Promise<void> {
    return this.audit.recordBy(admin, action, HttpStatus.OK, targetId);
  }
}

function noSuchUser(): DomainError {
  return new DomainError('not_found', 'user_not_found', 'no such user');
}
