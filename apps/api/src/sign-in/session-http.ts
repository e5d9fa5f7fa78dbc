import { ClientInfo, secureCookieFor, sessionCookie, SignedInSession } from '@app/auth';
import { SessionResponseDto, toSessionResponse } from './session.response.dto';

/** The parts of an express request the sign-in routes read. */
export interface SignInRequest {
  ip?: string;
  protocol?: string;
  hostname?: string;
  headers: Record<string, string | string[] | undefined>;
}

/** The part of an express response the sign-in routes set. */
export interface SignInResponse {
  setHeader(name: string, value: string): unknown;
}

/** A session just made (by signing in or accepting an invitation) and its cookie's secret. */
export interface NewSession {
  secret: string;
  session: SignedInSession;
}

/** Who is signing in from where, for the session list and the audit trail. */
export function clientInfo(request: SignInRequest): ClientInfo {
  const agent = request.headers['user-agent'];
  return {
    ...(request.ip !== undefined && { address: request.ip }),
    ...(typeof agent === 'string' && { userAgent: agent }),
  };
}

/** Sets the cookie of a new session and answers with the session. */
export function startSession(
  request: SignInRequest,
  response: SignInResponse,
  created: NewSession,
): SessionResponseDto {
  const maxAgeMs = Date.parse(created.session.expiresAt) - Date.now();
  response.setHeader(
    'Set-Cookie',
    sessionCookie(created.secret, { maxAgeMs, secure: secureCookieFor(request) }),
  );
  response.setHeader('Cache-Control', 'no-store');
  return toSessionResponse(created.session);
}

/** Tells the browser to drop the session cookie. */
export function clearSessionCookie(request: SignInRequest, response: SignInResponse): void {
  response.setHeader(
    'Set-Cookie',
    sessionCookie('', { maxAgeMs: 0, secure: secureCookieFor(request) }),
  );
}
