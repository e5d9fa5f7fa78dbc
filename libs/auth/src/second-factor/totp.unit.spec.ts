import { Secret, TOTP } from 'otpauth';
import { newRecoveryCodes, newTotpSecret, recoveryCodeHash, verifyTotp } from './totp';

describe('TOTP', () => {
  const { secret, otpauthUrl } = newTotpSecret('aigerim');
  const code = (at: number) => TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: at });
  const now = 1_800_000_000_000;

  it('makes an otpauth URL any authenticator app reads', () => {
    expect(otpauthUrl).toMatch(/^otpauth:\/\/totp\/rights-ledger:aigerim\?/);
    expect(otpauthUrl).toContain(`secret=${secret}`);
  });

  it('accepts the current code and one step either side, never the same step twice', () => {
    const step = verifyTotp(secret, code(now), null, now);
    expect(step).toBe(Math.floor(now / 30_000));
    expect(verifyTotp(secret, code(now - 30_000), null, now)).toBe((step as number) - 1);
    expect(verifyTotp(secret, code(now + 30_000), null, now)).toBe((step as number) + 1);
    expect(verifyTotp(secret, code(now - 90_000), null, now)).toBeUndefined();
    expect(verifyTotp(secret, code(now), step as number, now)).toBeUndefined();
    expect(verifyTotp(secret, 'abcdef', null, now)).toBeUndefined();
  });

  it('gives ten distinct recovery codes, matched whatever the case and dashes', () => {
    const codes = newRecoveryCodes();
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^[0-9a-hjkmnp-tv-z]{4}(-[0-9a-hjkmnp-tv-z]{4}){3}$/);
    const first = codes[0] as string;
    expect(recoveryCodeHash(first.toUpperCase().replace(/-/g, ' '))).toBe(recoveryCodeHash(first));
  });
});
