import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

/** Marks our tokens, so a leaked one is recognisable (secret scanners, logs under review). */
export const API_TOKEN_PREFIX = 'rl_';

// rl_<token id: a uuid as 32 hex digits>_<secret: 32 random bytes, base64url>
const ISSUED_TOKEN = /^rl_([0-9a-f]{32})_([A-Za-z0-9_-]{43})$/;

/**
 * A new API token for the token row `id`: `rl_<id as hex>_<secret>` (79 characters). The id
 * is not secret: it lets a request find its row, so only one argon2 verification is needed.
 */
export function generateApiToken(id: string = randomUUID()): { id: string; token: string } {
  const hex = id.replace(/-/g, '');
  if (!/^[0-9a-f]{32}$/.test(hex)) throw new Error('a token id is a lowercase uuid');
  return { id, token: `${API_TOKEN_PREFIX}${hex}_${randomBytes(32).toString('base64url')}` };
}

/** The token row id embedded in a token we issued; undefined for any other string. */
export function apiTokenId(token: string): string | undefined {
  const hex = ISSUED_TOKEN.exec(token)?.[1];
  return (
    hex &&
    `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
  );
}

/**
 * What is stored of a token: an argon2id hash (PHC string, salted). Slow on purpose: a copy of
 * the table gives an attacker nothing to test guesses against quickly.
 */
export function hashApiToken(token: string): Promise<string> {
  return hash(token);
}

/** True if `token` is the one `stored` was made from; false for any malformed hash. */
export async function verifyApiToken(stored: string, token: string): Promise<boolean> {
  if (!stored.startsWith('$argon2')) return false;
  try {
    return await verify(stored, token);
  } catch {
    return false;
  }
}

/**
 * A fast, one-way key for a token in process memory (the verification cache): never stored,
 * never logged.
 */
export function tokenFingerprint(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('base64url');
}
