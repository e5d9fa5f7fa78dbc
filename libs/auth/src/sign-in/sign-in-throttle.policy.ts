/**
 * The sign-in throttle's rule, pure. Failures are counted under three keys:
 * - the account from one address (`pair`): three failures are free (typing mistakes), then each
 *   further one makes the next attempt wait twice as long as the last (delay, 2×, 4×…), and the
 *   tenth locks the account out **from that address** for the lock-out period;
 * - the account from every address (`account`): only at 50 failures (a guessing attack spread
 *   over many addresses) is the account locked out everywhere for the period;
 * - the address for every account (`address`): at 100 failures (one address trying many
 *   accounts) the address is locked out for the period.
 * So a person whose password is being guessed from one address still signs in from their own:
 * the lock-out follows the attacker's address, not the account, unless the attack itself comes
 * from many addresses, when only an admin's reset of the sign-in (or the period ending) helps.
 * Failures are forgotten once none has happened for a lock-out period.
 */
export type ThrottleKind = 'pair' | 'account' | 'address';

export interface ThrottlePolicy {
  /** The first delay; each further failure doubles it. */
  delayMs: number;
  lockoutMs: number;
}

export const FREE_FAILURES = 3;
export const PAIR_LOCKOUT_FAILURES = 10;
export const ACCOUNT_LOCKOUT_FAILURES = 50;
export const ADDRESS_LOCKOUT_FAILURES = 100;

/** How long the key is blocked after its `failures`-th failure in a row; 0 for not at all. */
export function blockAfterFailure(
  kind: ThrottleKind,
  failures: number,
  policy: ThrottlePolicy,
): number {
  if (kind === 'account') return failures >= ACCOUNT_LOCKOUT_FAILURES ? policy.lockoutMs : 0;
  if (kind === 'address') return failures >= ADDRESS_LOCKOUT_FAILURES ? policy.lockoutMs : 0;
  if (failures >= PAIR_LOCKOUT_FAILURES) return policy.lockoutMs;
  if (failures < FREE_FAILURES) return 0;
  return Math.min(policy.delayMs * 2 ** (failures - FREE_FAILURES), policy.lockoutMs);
}

/** True when this failure is the one that locks the key out (for the audit trail). */
export function locksOut(kind: ThrottleKind, failures: number): boolean {
  const threshold = {
    pair: PAIR_LOCKOUT_FAILURES,
    account: ACCOUNT_LOCKOUT_FAILURES,
    address: ADDRESS_LOCKOUT_FAILURES,
  }[kind];
  return failures === threshold;
}

/** The throttle keys of a sign-in attempt. */
export function throttleKeys(login: string, address: string): Record<ThrottleKind, string> {
  const account = login.trim().toLowerCase();
  const client = addressKey(address);
  return {
    pair: `pair:${account}|${client}`,
    account: `account:${account}`,
    address: `address:${client}`,
  };
}

/**
 * The address a client is counted under: an IPv4 address as it is (an IPv4-mapped IPv6 one
 * unwrapped), an IPv6 address by its /64 network, which one client usually holds whole.
 */
export function addressKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1] !== undefined) return mapped[1];
  if (!address.includes(':')) return address;
  const [head = '', tail = ''] = address.toLowerCase().split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === '' ? [] : tail.split(':');
  const groups = address.includes('::')
    ? [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}
