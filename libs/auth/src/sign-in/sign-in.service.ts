import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@app/config';
import { SQL_CLIENT, SqlClient } from '@app/database';
import { AuditLog } from '../audit-log';
import { verifyPassword } from '../passwords/password-hash';
import { Role } from '../role';
import { recoveryCodeHash, verifyTotp } from '../second-factor/totp';
import { ClientInfo, SessionService, SignedInSession } from '../sessions/session.service';
import { SignInProblem } from './sign-in-problem';
import { SignInThrottle } from './sign-in-throttle';
import { throttleKeys } from './sign-in-throttle.policy';

export interface Credentials {
  login: string;
  password: string;
  /** A TOTP code, or a recovery code. */
  code?: string;
}

interface UserRow {
  id: string;
  workspace_id: string;
  role: Role;
  password_hash: string | null;
  disabled: boolean;
  totp_secret: string | null;
  totp_last_step: string | null;
}

/**
 * Signing in with a sign-in name, a password and, once enrolled, a second factor. Every
 * attempt goes to the audit trail (the name's user if it exists, the address, the outcome;
 * never the password or the code) and through the throttle (sign-in-throttle.policy.ts).
 */
@Injectable()
export class SignInService {
  private readonly throttle: SignInThrottle;

  constructor(
    @Inject(SQL_CLIENT) private readonly sql: SqlClient,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly sessions: SessionService,
    private readonly audit: AuditLog,
  ) {
    this.throttle = new SignInThrottle(sql, {
      delayMs: config.signIn.signInDelayMs,
      lockoutMs: config.signIn.signInLockoutMs,
    });
  }

  async signIn(
    credentials: Credentials,
    client: ClientInfo,
  ): Promise<{ secret: string; session: SignedInSession }> {
    const address = client.address ?? 'unknown';
    const keys = throttleKeys(credentials.login, address);
    const user = await this.findUser(credentials.login);
    const record = (action: string, status: number) =>
      this.audit.record({
        action,
        status,
        address,
        ...(user !== undefined && {
          workspaceId: user.workspace_id,
          userId: user.id,
          role: user.role,
        }),
      });

    const blocked = await this.throttle.blocked(keys);
    if (blocked !== undefined) {
      await record('sign-in refused: too many failures', HttpStatus.TOO_MANY_REQUESTS);
      throw new SignInProblem(
        HttpStatus.TOO_MANY_REQUESTS,
        blocked.retryAfterMs >= 60_000
          ? 'Too many failed sign-ins: this sign-in is locked for a while. Try again later, ' +
              'or ask an admin of your workspace to reset your sign-in.'
          : 'Too many failed sign-ins: wait a moment before trying again.',
        'sign_in_throttled',
        { retryAfterMs: blocked.retryAfterMs },
      );
    }

    const failed = async (action: string, extensions: Record<string, boolean> = {}) => {
      const lockedOut = await this.throttle.fail(keys);
      await record(action, HttpStatus.UNAUTHORIZED);
      for (const kind of lockedOut) await record(`sign-in lock-out (${kind})`, 429);
      if (Object.keys(extensions).length === 0) return SignInProblem.wrongCredentials();
      return new SignInProblem(
        HttpStatus.UNAUTHORIZED,
        'The second-factor code is wrong or was used already.',
        'wrong_second_factor',
        extensions,
      );
    };

    const passwordOk = await verifyPassword(user?.password_hash ?? null, credentials.password);
    if (user === undefined || !passwordOk) throw await failed('sign-in failed: wrong password');
    // Told apart in the audit trail only: the person gets the answer of a wrong password.
    if (user.disabled) throw await failed('sign-in refused: user disabled');

    if (user.totp_secret !== null) {
      if (credentials.code === undefined || credentials.code.trim() === '') {
        await record('sign-in: second factor needed', HttpStatus.UNAUTHORIZED);
        throw new SignInProblem(
          HttpStatus.UNAUTHORIZED,
          'Enter the code from your authenticator app, or a recovery code.',
          'second_factor_required',
          { secondFactorRequired: true },
        );
      }
      const how = await this.secondFactor(user, credentials.code.trim());
      if (how === undefined) {
        throw await failed('sign-in failed: wrong second factor', { secondFactorRequired: true });
      }
      if (how === 'recovery code') await record('sign-in with a recovery code', HttpStatus.OK);
    }

    await this.throttle.succeed(keys);
    const created = await this.sessions.create(user.id, client);
    await record('sign-in', HttpStatus.OK);
    return created;
  }

  private async findUser(login: string): Promise<UserRow | undefined> {
    const { rows } = await this.sql.query<UserRow>(
      `SELECT id, workspace_id, role, password_hash, (disabled_at IS NOT NULL) AS disabled,
              totp_secret, totp_last_step::text AS totp_last_step
         FROM users WHERE lower(login) = lower($1)`,
      [login.trim()],
    );
    return rows[0];
  }

  /** Checks and uses up the code: a TOTP step moves on, a recovery code is spent. */
  private async secondFactor(
    user: UserRow,
    code: string,
  ): Promise<'totp' | 'recovery code' | undefined> {
    const lastStep = user.totp_last_step === null ? null : Number(user.totp_last_step);
    const step = verifyTotp(user.totp_secret as string, code, lastStep);
    if (step !== undefined) {
      // The condition makes two concurrent uses of one code succeed once.
      const { rowCount } = await this.sql.query(
        `UPDATE users SET totp_last_step = $2
          WHERE id = $1 AND (totp_last_step IS NULL OR totp_last_step < $2)`,
        [user.id, step],
      );
      return rowCount > 0 ? 'totp' : undefined;
    }
    const { rowCount } = await this.sql.query(
      `UPDATE recovery_codes SET used_at = now()
        WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL`,
      [user.id, recoveryCodeHash(code)],
    );
    return rowCount > 0 ? 'recovery code' : undefined;
  }
}
