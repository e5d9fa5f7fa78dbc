import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { SQL_CLIENT, SqlClient } from '@app/database';
import { DomainError } from '@app/domain';
import { AuditLog } from '../audit-log';
import { SignedInSession } from '../sessions/session.service';
import { newRecoveryCodes, newTotpSecret, recoveryCodeHash, totpUrl, verifyTotp } from './totp';

export type SecondFactorFor = 'admins' | 'everyone';
export const SECOND_FACTOR_FOR: readonly SecondFactorFor[] = ['admins', 'everyone'];

/** TOTP enrolment of the signed-in person, and the workspace's rule of who must have it. */
@Injectable()
export class SecondFactorService {
  constructor(
    @Inject(SQL_CLIENT) private readonly sql: SqlClient,
    private readonly audit: AuditLog,
  ) {}

  /**
   * The secret being enrolled, kept pending until a code from it is confirmed: a new one, or the
   * one already pending (a page reloaded between scanning and confirming keeps its QR code
   * valid). Once enrolled, a second factor is replaced only through an admin's reset of the
   * sign-in: whoever holds a session must not be able to move the factor to their own phone.
   */
  async enrol(session: SignedInSession): Promise<{ secret: string; otpauthUrl: string }> {
    const { rows } = await this.sql.query<{ secret: string }>(
      `UPDATE users SET totp_pending_secret = coalesce(totp_pending_secret, $2)
        WHERE id = $1 AND totp_enrolled_at IS NULL
        RETURNING totp_pending_secret AS secret`,
      [session.userId, newTotpSecret(session.login).secret],
    );
    const secret = rows[0]?.secret;
    if (secret === undefined) throw alreadyEnrolled();
    return { secret, otpauthUrl: totpUrl(secret, session.login) };
  }

  /** Confirms the pending secret with a code from it; returns ten recovery codes, shown once. */
  async confirm(session: SignedInSession, code: string): Promise<{ recoveryCodes: string[] }> {
    const { rows } = await this.sql.query<{ pending: string | null; enrolled: boolean }>(
      `SELECT totp_pending_secret AS pending, (totp_enrolled_at IS NOT NULL) AS enrolled
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
    const step = verifyTotp(row.pending, code.trim(), null);
    if (step === undefined) {
      throw DomainError.invalid([
        { field: 'code', message: 'is not the current code of the secret being enrolled' },
      ]);
    }
    const recoveryCodes = newRecoveryCodes();
    await this.sql.transaction(async (tx) => {
      const { rowCount } = await tx.query(
        `UPDATE users SET totp_secret = totp_pending_secret, totp_pending_secret = NULL,
                          totp_enrolled_at = now(), totp_last_step = $2
          WHERE id = $1 AND totp_enrolled_at IS NULL AND totp_pending_secret = $3`,
        [session.userId, step, row.pending],
      );
      if (rowCount === 0) throw alreadyEnrolled();
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

function alreadyEnrolled(): DomainError {
  return new DomainError(
    'conflict',
    'second_factor_enrolled',
    'a second factor is enrolled already; an admin can reset your sign-in to replace it',
  );
}
