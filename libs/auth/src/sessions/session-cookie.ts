/** The cookie of a browser session: an opaque secret, nothing else. */
export const SESSION_COOKIE = 'rl_session';
/** The header a browser sends the session's CSRF token in on every state-changing request. */
export const CSRF_HEADER = 'x-csrf-token';

// The secret is base64url: anything else in the cookie is not ours.
const SESSION_VALUE = /^[A-Za-z0-9_-]{43}$/;

/** The session secret of a Cookie header, if it carries one of ours. */
export function readSessionCookie(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== SESSION_COOKIE) continue;
    const value = part.slice(eq + 1).trim();
    if (SESSION_VALUE.test(value)) return value;
  }
  return undefined;
}

export interface CookieOptions {
  maxAgeMs: number;
  /** Off only for plain http on this machine, where a browser would drop a Secure cookie. */
  secure: boolean;
}

/** The Set-Cookie value that stores (or, with maxAgeMs 0, clears) the session cookie. */
export function sessionCookie(value: string, { maxAgeMs, secure }: CookieOptions): string {
  return [
    `${SESSION_COOKIE}=${value}`,
    'Path=/',
    `Max-Age=${Math.max(0, Math.floor(maxAgeMs / 1000))}`,
    'HttpOnly',
    'SameSite=Strict',
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/**
 * Secure unless the request came over plain http to this machine by a local name: behind a
 * TLS proxy (protocol http, public host name) the cookie is Secure, as it must be.
 */
export function secureCookieFor(request: { protocol?: string; hostname?: string }): boolean {
  return !(request.protocol === 'http' && LOCAL_HOSTS.has(request.hostname ?? ''));
}
