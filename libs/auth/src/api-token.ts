import { createHash, randomBytes } from 'node:crypto';

/** Marks our tokens, so a leaked one is recognisable (secret scanners, logs under review). */
export const API_TOKEN_PREFIX = 'rl_';

/** A new API token: 32 random bytes, base64url, prefixed `rl_` (46 characters). */
export function generateApiToken(): string {
  return API_TOKEN_PREFIX + randomBytes(32).toString('base64url');
}

/**
 * What is stored of a token: its SHA-256, hex. A fast hash is enough because a token carries
 * 256 random bits (nothing to brute-force, unlike a password), and a lookup by hash reveals
 * nothing useful through its timing: an attacker cannot choose inputs whose hashes share a prefix.
 */
export function hashApiToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
