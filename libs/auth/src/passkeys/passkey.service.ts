import { ForbiddenException, Inject, Injectable } from '@nestjs/common';
import type {
  AuthenticationResponseJSON,
  AuthenticatorTransport,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { APP_CONFIG, AppConfig } from '@app/config';
import { SQL_CLIENT, SqlClient } from '@app/database';
import { DomainError } from '@app/domain';
import { AuditLog } from '../audit-log';
import { SignedInSession } from '../sessions/session.service';

const RP_NAME = 'Rights ledger';
/**
 * The WebAuthn library, loaded at the first passkey ceremony: it takes about a tenth of the
 * API's module-loading time, which every start paid though few people use passkeys.
 */
const webauthn = () => import('@simplewebauthn/server');
/** A challenge is answered within minutes or not at all. */
const CHALLENGE_MINUTES = 5;

type Purpose = 'register' | 'sign-in';

interface PasskeyRow {
  id: string;
  public_key: string;
  counter: string;
  transports: string | null;
}

/**
 * Passkeys (WebAuthn) as a second kind of second factor, beside the authenticator app: added by a
 * person whose app is enrolled (so the recovery codes exist and the rule of who may enrol holds),
 * then usable at sign-in instead of the app's code. Attestation is not asked for (`none`): the
 * NGO's people use whatever phone or key they have.
 */
@Injectable()
export class PasskeyService {
  private readonly rpID: string;

  constructor(
    @Inject(SQL_CLIENT) private readonly sql: SqlClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditLog,
  ) {
    this.rpID = new URL(config.signIn.publicOrigin).hostname;
  }

  async registrationOptions(
    session: SignedInSession,
  ): Promise<PublicKeyCredentialCreationOptionsJSON> {
    mayAddPasskey(session);
    const existing = await this.passkeysOf(session.userId);
    const options = await (
      await webauthn()
    ).generateRegistrationOptions({
      rpName: RP_NAME,
      rpID: this.rpID,
      userName: session.login,
      userDisplayName: session.login,
      attestationType: 'none',
      excludeCredentials: existing.map((p) => ({ id: p.id, transports: transportsOf(p) })),
      authenticatorSelection: { residentKey: 'discouraged', userVerification: 'preferred' },
    });
    await this.keepChallenge(session.userId, 'register', options.challenge);
    return options;
  }

  /** Verifies the browser's answer to the options above and keeps the passkey. */
  async register(
    session: SignedInSession,
    response: RegistrationResponseJSON,
  ): Promise<{ credentialId: string }> {
    mayAddPasskey(session);
    const verified = await (
      await webauthn()
    )
      .verifyRegistrationResponse({
        response,
        expectedChallenge: (challenge) => this.useChallenge(session.userId, 'register', challenge),
        expectedOrigin: this.originOf(response),
        expectedRPID: this.rpID,
        requireUserVerification: false,
      })
      .catch((error: unknown) => {
        throw refused('response', error);
      });
    if (!verified.verified) throw refused('response');
    const { credential } = verified.registrationInfo;
    await this.sql.query(
      `INSERT INTO passkeys (id, user_id, public_key, counter, transports)
       VALUES ($1, $2, decode($3, 'base64'), $4, $5)`,
      [
        credential.id,
        session.userId,
        Buffer.from(credential.publicKey).toString('base64'),
        credential.counter,
        credential.transports?.join(',') ?? null,
      ],
    );
    await this.audit.recordBy(session, 'passkey added', 201);
    return { credentialId: credential.id };
  }

  /** Options for signing in with one of the user's passkeys; undefined if they have none. */
  async signInOptions(userId: string): Promise<PublicKeyCredentialRequestOptionsJSON | undefined> {
    const passkeys = await this.passkeysOf(userId);
    if (passkeys.length === 0) return undefined;
    const options = await (
      await webauthn()
    ).generateAuthenticationOptions({
      rpID: this.rpID,
      allowCredentials: passkeys.map((p) => ({ id: p.id, transports: transportsOf(p) })),
      userVerification: 'preferred',
    });
    await this.keepChallenge(userId, 'sign-in', options.challenge);
    return options;
  }

  /** True if the answer is the user's passkey signing the challenge given to them (used up). */
  async verifySignIn(userId: string, response: AuthenticationResponseJSON): Promise<boolean> {
    const passkey = (await this.passkeysOf(userId)).find((p) => p.id === response.id);
    if (passkey === undefined) return false;
    try {
      const verified = await (
        await webauthn()
      ).verifyAuthenticationResponse({
        response,
        expectedChallenge: (challenge) => this.useChallenge(userId, 'sign-in', challenge),
        expectedOrigin: this.originOf(response),
        expectedRPID: this.rpID,
        credential: {
          id: passkey.id,
          publicKey: new Uint8Array(Buffer.from(passkey.public_key, 'base64')),
          counter: Number(passkey.counter),
          transports: transportsOf(passkey),
        },
        requireUserVerification: false,
      });
      if (!verified.verified) return false;
      await this.sql.query('UPDATE passkeys SET counter = $2, last_used_at = now() WHERE id = $1', [
        passkey.id,
        verified.authenticationInfo.newCounter,
      ]);
      return true;
    } catch {
      return false;
    }
  }

  private async passkeysOf(userId: string): Promise<PasskeyRow[]> {
    const { rows } = await this.sql.query<PasskeyRow>(
      `SELECT id, encode(public_key, 'base64') AS public_key, counter::text AS counter, transports
         FROM passkeys WHERE user_id = $1 ORDER BY created_at`,
      [userId],
    );
    return rows;
  }

  private async keepChallenge(userId: string, purpose: Purpose, challenge: string) {
    await this.sql.query(
      `INSERT INTO webauthn_challenges (challenge, user_id, purpose, expires_at)
       VALUES ($1, $2, $3, now() + make_interval(mins => $4))`,
      [challenge, userId, purpose, CHALLENGE_MINUTES],
    );
    await this.sql.query('DELETE FROM webauthn_challenges WHERE expires_at < now()');
  }

  /** One use: a replayed answer finds its challenge gone. */
  private async useChallenge(userId: string, purpose: Purpose, challenge: string) {
    const { rowCount } = await this.sql.query(
      `DELETE FROM webauthn_challenges
        WHERE challenge = $1 AND user_id = $2 AND purpose = $3 AND expires_at > now()`,
      [challenge, userId, purpose],
    );
    return rowCount > 0;
  }

  /**
   * The origin the browser signed for, if it is this deployment's: PUBLIC_ORIGIN, or on
   * `localhost` (a laptop's embedded mode, the tests) any port of it. Anything else is returned
   * as PUBLIC_ORIGIN, so the library refuses the mismatch.
   */
  private originOf(answer: { response?: { clientDataJSON?: unknown } }): string {
    const publicOrigin = this.config.signIn.publicOrigin;
    let origin: string;
    try {
      const clientData = Buffer.from(String(answer.response?.clientDataJSON), 'base64url');
      origin = String((JSON.parse(clientData.toString('utf8')) as { origin?: unknown }).origin);
    } catch {
      return publicOrigin;
    }
    const local = this.rpID === 'localhost' && /^http:\/\/localhost(:\d{1,5})?$/.test(origin);
    return local ? origin : publicOrigin;
  }
}

/** A passkey goes beside an enrolled app, added in a session that has shown the factor. */
function mayAddPasskey(session: SignedInSession): void {
  if (!session.secondFactor.enrolled) {
    throw new DomainError(
      'conflict',
      'authenticator_app_first',
      'enrol an authenticator app first (POST /auth/totp/enrol): a passkey is added beside it',
    );
  }
  // A session opened before the app was enrolled elsewhere has shown no factor.
  if (!session.secondFactor.passed) {
    throw new ForbiddenException(
      'Sign in again with your code: a passkey is added only in a session that passed the second factor.',
    );
  }
}

function transportsOf(row: PasskeyRow): AuthenticatorTransport[] | undefined {
  return row.transports === null
    ? undefined
    : (row.transports.split(',') as AuthenticatorTransport[]);
}

function refused(field: string, cause?: unknown): DomainError {
  const why = cause instanceof Error ? `: ${cause.message}` : '';
  return DomainError.invalid([{ field, message: `is not a valid passkey answer${why}` }]);
}
