import { randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import { secretHash } from '../secrets';

const ISSUER = 'rights-ledger';
const PERIOD_SECONDS = 30;
/** One step either side: a phone clock a little off, a code typed as it changed. */
const WINDOW = 1;
export const RECOVERY_CODE_COUNT = 10;

/** A new TOTP secret (RFC 6238: SHA-1, 6 digits, 30 s, as every authenticator app reads). */
export function newTotpSecret(login: string): { secret: string; otpauthUrl: string } {
  const secret = new Secret({ size: 20 }).base32;
  return { secret, otpauthUrl: totpUrl(secret, login) };
}

/** The otpauth:// URL of a secret (a QR code of it is what authenticator apps scan). */
export function totpUrl(secret: string, login: string): string {
  return totp(secret, login).toString();
}

/**
 * The time step a code is valid for, or undefined. A step at or before `lastStep` is refused:
 * a code seen over someone's shoulder, or replayed, does not sign in a second time.
 */
export function verifyTotp(
  secret: string,
  code: string,
  lastStep: number | null,
  now = Date.now(),
): number | undefined {
  if (!/^\d{6}$/.test(code)) return undefined;
  const delta = totp(secret, '').validate({ token: code, timestamp: now, window: WINDOW });
  if (delta === null) return undefined;
  const step = Math.floor(now / 1000 / PERIOD_SECONDS) + delta;
  return lastStep !== null && step <= lastStep ? undefined : step;
}

function totp(secret: string, login: string): TOTP {
  return new TOTP({
    issuer: ISSUER,
    label: login,
    algorithm: 'SHA1',
    digits: 6,
    period: PERIOD_SECONDS,
    secret: Secret.fromBase32(secret),
  });
}

// Crockford's base32: no i, l, o, u (codes are read off paper); 32 symbols, so `byte & 31` is
// uniform.
const RECOVERY_ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

/** Ten one-time recovery codes, `xxxx-xxxx-xxxx-xxxx` (80 bits each), shown once. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const bytes = randomBytes(16);
    const chars = [...bytes].map((b) => RECOVERY_ALPHABET[b & 31]);
    return [0, 4, 8, 12].map((at) => chars.slice(at, at + 4).join('')).join('-');
  });
}

/** What is stored of a recovery code: spaces, dashes and case do not matter when typed. */
export function recoveryCodeHash(code: string): string {
  return secretHash(code.toLowerCase().replace(/[\s-]/g, ''));
}
