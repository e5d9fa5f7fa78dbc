import { addressKey, blockAfterFailure, locksOut, throttleKeys } from './sign-in-throttle.policy';

const policy = { delayMs: 1_000, lockoutMs: 15 * 60_000 };

describe('sign-in throttle policy', () => {
  it('lets three failures of an account from one address pass, then doubles the wait, then locks out at ten', () => {
    const waits = Array.from({ length: 11 }, (_, i) => blockAfterFailure('pair', i + 1, policy));
    expect(waits).toEqual([
      0, 0, 1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 64_000, 900_000, 900_000,
    ]);
    expect(locksOut('pair', 10)).toBe(true);
    expect(locksOut('pair', 11)).toBe(false);
  });

  it('locks an account everywhere only at 50 failures, an address at 100', () => {
    expect(blockAfterFailure('account', 49, policy)).toBe(0);
    expect(blockAfterFailure('account', 50, policy)).toBe(900_000);
    expect(blockAfterFailure('address', 99, policy)).toBe(0);
    expect(blockAfterFailure('address', 100, policy)).toBe(900_000);
  });

  it('never waits longer than a lock-out', () => {
    expect(blockAfterFailure('pair', 9, { delayMs: 60_000, lockoutMs: 60_000 })).toBe(60_000);
  });

  it('counts a sign-in name whatever its case, an IPv4-mapped address as IPv4, IPv6 by its /64', () => {
    expect(throttleKeys(' Aigerim ', '::ffff:203.0.113.7')).toEqual({
      pair: 'pair:aigerim|203.0.113.7',
      account: 'account:aigerim',
      address: 'address:203.0.113.7',
    });
    expect(addressKey('2001:db8:0:1:aaaa:bbbb:cccc:dddd')).toBe('2001:db8:0:1::/64');
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressKey('2001:db8:0:1::7')).toBe(addressKey('2001:db8:0:1:ffff::8'));
  });
});
