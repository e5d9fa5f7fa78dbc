import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const PASSWORD_MIN_LENGTH = 12;
/** argon2 hashes any length, but a megabyte-long "password" is a way to burn CPU. */
export const PASSWORD_MAX_LENGTH = 256;

let common: ReadonlySet<string> | undefined;

/**
 * The shipped list of common and breached passwords (common-passwords.txt, see README.md
 * beside it), lower-cased; read on first use, then kept.
 */
function commonPasswords(): ReadonlySet<string> {
  common ??= new Set(
    readFileSync(join(__dirname, 'common-passwords.txt'), 'utf8')
      .split('\n')
      .filter((line) => line !== ''),
  );
  return common;
}

/**
 * Why a password is refused, or undefined when it is acceptable: at least 12 characters, not
 * on the list, not a listed password padded with digits or punctuation ("dragon123456!"), not
 * one character repeated, not the sign-in name or the person's name. Never quotes the password.
 */
export function passwordProblem(
  password: string,
  person: { login?: string; name?: string } = {},
): string | undefined {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) {
    return `must be at least ${PASSWORD_MIN_LENGTH} characters long`;
  }
  if (length > PASSWORD_MAX_LENGTH) return `must be at most ${PASSWORD_MAX_LENGTH} characters long`;
  const lower = password.toLowerCase();
  const list = commonPasswords();
  // The padding people add to meet a length rule adds little: strip it and look again.
  const core = lower.replace(/^[\d\W_]+|[\d\W_]+$/gu, '');
  if (list.has(lower) || (core.length >= 4 && list.has(core)) || /^(.)\1*$/su.test(lower)) {
    return 'is on the list of common or breached passwords; choose a longer phrase of unrelated words';
  }
  for (const own of [person.login, person.name]) {
    if (own !== undefined && own.length >= 4 && lower.includes(own.toLowerCase())) {
      return 'must not contain your sign-in name or your name';
    }
  }
  return undefined;
}
