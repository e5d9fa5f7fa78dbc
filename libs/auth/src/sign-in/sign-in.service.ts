import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import type { AuthenticationResponseJSON } from '@simplewebauthn/server';
import { APP_CONFIG, AppConfig } from '@app/config';
import { SQL_CLIENT, SqlClient } from '@app/database';
import { AuditLog } from '../audit-log';
import { verifyPassword } from '../passwords/password-hash';
import { Role } from '../role';
import { recoveryCodeHash, verifyTotp } from '../second-factor/totp';
import { TotpSecretBox } from '../second-factor/totp-secret-box';
import { PasskeyService } from '../passkeys/passkey.service';
import { ClientInfo, SessionService, SignedInSession } from '../sessions/session.service';
import { SignInProblem } from './sign-in-problem';
import { SignInThrottle } from './sign-in-throttle';
import { throttleKeys } from './sign-in-throttle.policy';

export interface Credentials {
  login: string;
  password: string;
  /** A TOTP code, or a recovery code. */
  code?: string;
  /** Instead of a code: the browser's answer to `passkeyOptions` (WebAuthn). */
  passkey?: AuthenticationResponseJSON;
}

interface UserRow {
  id: string;
  workspace_id: string;
  role: Role;
  password_hash: string | null;
  disabled: boolean;
  /** Base64 of the sealed secret (TotpSecretBox). */
  totp_sealed: string | null;
  totp_last_step: string | null;
  /** The workspace requires a second factor of this user (role, workspace setting). */
  second_factor_required: boolean;
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
    private readonly totpSecrets: TotpSecretBox,
    private readonly passkeys: PasskeyService,
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

    if (user.totp_sealed !== null) {
      const code = credentials.code?.trim() ?? '';
      if (code === '' && credentials.passkey === undefined) {
        await record('sign-in: second factor needed', HttpStatus.UNAUTHORIZED);
        // With a passkey: a fresh challenge for it, answered in the next attempt.
        const passkeyOptions = await this.passkeys.signInOptions(user.id);
        throw new SignInProblem(
          HttpStatus.UNAUTHORIZED,
          'Enter the code from your authenticator app or a recovery code, or use your passkey.',
          'second_factor_required',
          { secondFactorRequired: true, ...(passkeyOptions && { passkeyOptions }) },
        );
      }
      const how =
        credentials.passkey !== undefined
          ? await this.passkey(user, credentials.passkey)
          : await this.secondFactor(user, code);
      if (how === undefined) {
        throw await failed('sign-in failed: wrong second factor', { secondFactorRequired: true });
      }
      if (how !== 'totp') await record(`sign-in with a ${how}`, HttpStatus.OK);
    } else if (user.second_factor_required) {
      // The password alone may not open a session in which to enrol the factor now required
      // (SessionService's enrolmentAllowed): the admin's reset gives a link that may.
      await record('sign-in refused: second factor required, none enrolled', HttpStatus.FORBIDDEN);
      throw new SignInProblem(
        HttpStatus.FORBIDDEN,
        'Your organisation requires a second factor and you have none yet. Ask an administrator ' +
          'to reset your sign-in: the new link lets you choose a password and enrol one.',
        'second_factor_enrolment_needs_invitation',
        { secondFactorEnrolmentNeedsInvitation: true },
      );
    }

    await this.throttle.succeed(keys);
    const created = await this.sessions.create(user.id, client, undefined, {
      secondFactorPassed: user.totp_sealed !== null,
    });
    await record('sign-in', HttpStatus.OK);
    return created;
  }

  private async findUser(login: string): Promise<UserRow | undefined> {
    const { rows } = await this.sql.query<UserRow>(
      `SELECT u.id, u.workspace_id, u.role, u.password_hash,
              (u.disabled_at IS NOT NULL) AS disabled,
              encode(u.totp_secret_sealed, 'base64') AS totp_sealed,
              u.totp_last_step::text AS totp_last_step,
              (u.role = 'admin' OR w.second_factor_for = 'everyone') AS second_factor_required
         FROM users u JOIN workspaces w ON w.id = u.workspace_id
        WHERE lower(u.login) = lower($1)`,
      [login.trim()],
    );
    return rows[0];
  }

  private async passkey(
    user: UserRow,
    answer: AuthenticationResponseJSON,
  ): Promise<'passkey' | undefined> {
    return (await this.passkeys.verifySignIn(user.id, answer)) ? 'passkey' : undefined;
  }

  /** Checks and uses up the code: a TOTP step moves on, a recovery code is spent. */
  private async secondFactor(
    user: UserRow,
    code: string,
  ): Promise<'totp' | 'recovery code' | undefined> {
    const lastStep = user.totp_last_step === null ? null : Number(user.totp_last_step);
    const secret = this.totpSecrets.open(user.id, user.totp_sealed as string);
    const step = verifyTotp(secret, code, lastStep);
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
