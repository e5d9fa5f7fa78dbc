import { ForbiddenException, HttpStatus, Inject, Injectable } from '@nestjs/common';
import { SQL_CLIENT, SqlClient } from '@app/database';
import { DomainError } from '@app/domain';
import { AuditLog } from '../audit-log';
import { SignedInSession } from '../sessions/session.service';
import { newRecoveryCodes, newTotpSecret, recoveryCodeHash, totpUrl, verifyTotp } from './totp';
import { TotpSecretBox } from './totp-secret-box';

export type SecondFactorFor = 'admins' | 'everyone';
export const SECOND_FACTOR_FOR: readonly SecondFactorFor[] = ['admins', 'everyone'];

/** TOTP enrolment of the signed-in person, and the workspace's rule of who must have it. */
@Injectable()
export class SecondFactorService {
  constructor(
    @Inject(SQL_CLIENT) private readonly sql: SqlClient,
    private readonly audit: AuditLog,
    private readonly box: TotpSecretBox,
  ) {}

  /**
   * The secret being enrolled, kept pending until a code from it is confirmed: a new one, or the
   * one already pending (a page reloaded between scanning and confirming keeps its QR code
   * valid). Once enrolled, a second factor is replaced only through an admin's reset of the
   * sign-in: whoever holds a session must not be able to move the factor to their own phone.
   */
  async enrol(session: SignedInSession): Promise<{ secret: string; otpauthUrl: string }> {
    refuseWithoutInvitation(session);
    const { rows } = await this.sql.query<{ sealed: string }>(
      `UPDATE users SET totp_pending_sealed = coalesce(totp_pending_sealed, decode($2, 'base64'))
        WHERE id = $1 AND totp_enrolled_at IS NULL
        RETURNING encode(totp_pending_sealed, 'base64') AS sealed`,
      [session.userId, this.box.seal(session.userId, newTotpSecret(session.login).secret)],
    );
    const sealed = rows[0]?.sealed;
    if (sealed === undefined) throw alreadyEnrolled();
    const secret = this.box.open(session.userId, sealed);
    return { secret, otpauthUrl: totpUrl(secret, session.login) };
  }

  /** Confirms the pending secret with a code from it; returns ten recovery codes, shown once. */
  async confirm(session: SignedInSession, code: string): Promise<{ recoveryCodes: string[] }> {
    refuseWithoutInvitation(session);
    const { rows } = await this.sql.query<{ pending: string | null; enrolled: boolean }>(
      `SELECT encode(totp_pending_sealed, 'base64') AS pending,
              (totp_enrolled_at IS NOT NULL) AS enrolled
         FROM users WHERE id = $1`,
      [session.userId],
    );
    const row = rows[0];
    if (row?.enrolled === true) throw alreadyEnrolled();
    if (row?.pending === null || row === undefined) {
      throw new DomainError(
        'conflict',
        'no_enrolment_started',
        'start with POST /auth/totp/enrol, then confirm a code from that secret',
      );
    }
    const step = verifyTotp(this.box.open(session.userId, row.pending), code.trim(), null);
    if (step === undefined) {
      throw DomainError.invalid([
        { field: 'code', message: 'is not the current code of the secret being enrolled' },
      ]);
    }
    const recoveryCodes = newRecoveryCodes();
    await this.sql.transaction(async (tx) => {
      const { rowCount } = await tx.query(
        `UPDATE users SET totp_secret_sealed = totp_pending_sealed, totp_pending_sealed = NULL,
                          totp_enrolled_at = now(), totp_last_step = $2
          WHERE id = $1 AND totp_enrolled_at IS NULL
            AND totp_pending_sealed = decode($3, 'base64')`,
        [session.userId, step, row.pending],
      );
      if (rowCount === 0) throw alreadyEnrolled();
      // This session has now shown the factor (it may add a passkey beside it).
      await tx.query('UPDATE sessions SET second_factor_passed = true WHERE id = $1', [
        session.sessionId,
      ]);
      await tx.query('DELETE FROM recovery_codes WHERE user_id = $1', [session.userId]);
      for (const code of recoveryCodes) {
        await tx.query('INSERT INTO recovery_codes (user_id, code_hash) VALUES ($1, $2)', [
          session.userId,
          recoveryCodeHash(code),
        ]);
      }
    });
    await this.audit.recordBy(session, 'second factor enrolled', HttpStatus.OK);
    return { recoveryCodes };
  }

  async policy(workspaceId: string): Promise<SecondFactorFor | undefined> {
    const { rows } = await this.sql.query<{ second_factor_for: SecondFactorFor }>(
      'SELECT second_factor_for FROM workspaces WHERE id = $1',
      [workspaceId],
    );
    return rows[0]?.second_factor_for;
  }

  async setPolicy(workspaceId: string, requiredFor: SecondFactorFor): Promise<void> {
    await this.sql.query('UPDATE workspaces SET second_factor_for = $2 WHERE id = $1', [
      workspaceId,
      requiredFor,
    ]);
  }
}

/**
 * A factor the person is required to have is enrolled only in the session of an invitation or a
 * reset (SessionService's enrolmentAllowed); an enrolled one answers 409 below as before.
 */
function refuseWithoutInvitation(session: SignedInSession): void {
  const { enrolled, mayEnrol } = session.secondFactor;
  if (enrolled || mayEnrol) return;
  throw new ForbiddenException(
    'A second factor is required of you and this session was opened with a password alone: ' +
      'ask an administrator to reset your sign-in, and enrol one through the new link.',
  );
}

function alreadyEnrolled(): DomainError {
  return new DomainError(
    'conflict',
    'second_factor_enrolled',
    'a second factor is enrolled already; an admin can reset your sign-in to replace it',
  );
}
