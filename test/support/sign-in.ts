import request from 'supertest';
import { Secret, TOTP } from 'otpauth';

type Server = Parameters<typeof request>[0];

/** A password that passes the policy (long, not on the list). */
export const GOOD_PASSWORD = 'violet harbour lantern 4417';

/** The code of an invitation URL (`…/invite?code=…`). */
export const invitationCode = (url: string): string =>
  new URL(url).searchParams.get('code') as string;

/** The current TOTP code of a base32 secret, `stepsAhead` steps of 30 s later. */
export function totpCode(secret: string, stepsAhead = 0): string {
  return TOTP.generate({
    secret: Secret.fromBase32(secret),
    timestamp: Date.now() + stepsAhead * 30_000,
  });
}

/** A browser-like client: a cookie jar plus the session's CSRF token on every write. */
export interface SignedIn {
  agent: ReturnType<typeof request.agent>;
  csrf: string;
  session: Record<string, unknown> & {
    userId: string;
    sessionId: string;
    expiresAt: string;
    idleExpiresAt: string;
  };
}

/** Accepts an invitation with `login` and GOOD_PASSWORD; the agent holds the session cookie. */
export async function acceptInvitation(
  server: Server,
  url: string,
  login: string,
  password = GOOD_PASSWORD,
): Promise<SignedIn> {
  const agent = request.agent(server);
  const res = await agent
    .post(`/invitations/${invitationCode(url)}/accept`)
    .send({ login, password });
  if (res.status !== 201) throw new Error(`accept: ${res.status} ${res.text}`);
  return { agent, csrf: res.body.csrfToken, session: res.body };
}

/** Enrols an authenticator app for the signed-in person; returns its secret and recovery codes. */
export async function enrolTotp(
  signedIn: SignedIn,
): Promise<{ secret: string; recoveryCodes: string[] }> {
  const enrolled = await signedIn.agent
    .post('/auth/totp/enrol')
    .set('X-CSRF-Token', signedIn.csrf)
    .expect(200);
  const secret = enrolled.body.secret as string;
  const confirmed = await signedIn.agent
    .post('/auth/totp/confirm')
    .set('X-CSRF-Token', signedIn.csrf)
    .send({ code: totpCode(secret) })
    .expect(200);
  return { secret, recoveryCodes: confirmed.body.recoveryCodes };
}
