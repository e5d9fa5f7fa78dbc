import { Algorithm, hash, verify } from '@node-rs/argon2';

/** argon2id with the library's defaults (19 MiB, 2 passes): OWASP's minimum for passwords. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: Algorithm.Argon2id });
}

let decoy: Promise<string> | undefined;

/**
 * True if `password` is the one `stored` was made from. Without a stored hash (an unknown
 * sign-in name, a user without a password) a decoy hash is verified all the same, so the
 * answer takes as long and does not tell which names exist.
 */
export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  decoy ??= hashPassword('decoy password that nobody has');
  const against = stored ?? (await decoy);
  try {
    const ok = await verify(against, password);
    return ok && stored !== null;
  } catch {
    return false;
  }
}
