import { readSessionCookie, secureCookieFor, sessionCookie } from './session-cookie';

const secret = 'A'.repeat(43);

describe('session cookie', () => {
  it('is HttpOnly, SameSite=Strict, and Secure but on plain http to this machine', () => {
    expect(sessionCookie(secret, { maxAgeMs: 3_600_000, secure: true })).toBe(
      `rl_session=${secret}; Path=/; Max-Age=3600; HttpOnly; SameSite=Strict; Secure`,
    );
    expect(secureCookieFor({ protocol: 'http', hostname: 'localhost' })).toBe(false);
    expect(secureCookieFor({ protocol: 'http', hostname: '127.0.0.1' })).toBe(false);
    expect(secureCookieFor({ protocol: 'http', hostname: 'ledger.example.org' })).toBe(true);
    expect(secureCookieFor({ protocol: 'https', hostname: 'localhost' })).toBe(true);
  });

  it('reads only a value of our form among other cookies', () => {
    expect(readSessionCookie(`theme=dark; rl_session=${secret}; x=1`)).toBe(secret);
    expect(readSessionCookie('rl_session=rl_0123_notasession')).toBeUndefined();
    expect(readSessionCookie(undefined)).toBeUndefined();
  });
});
