import { AuthFailureLimiter } from './auth-failure-limiter';

describe('AuthFailureLimiter', () => {
  let now = 0;
  beforeEach(() => {
    now = 1_000_000;
  });

  it('lets a client fail up to the limit, then makes it wait for the rest of the window', () => {
    const limiter = new AuthFailureLimiter(3, 60_000, () => now);
    for (let i = 0; i < 3; i += 1) {
      expect(limiter.retryAfterMs('10.0.0.1')).toBe(0);
      limiter.fail('10.0.0.1');
    }
    now += 10_000;
    expect(limiter.retryAfterMs('10.0.0.1')).toBe(50_000);
    expect(limiter.retryAfterMs('10.0.0.2')).toBe(0);
    now += 50_000;
    expect(limiter.retryAfterMs('10.0.0.1')).toBe(0);
  });

  it('stays bounded in memory under failures from many addresses', () => {
    const limiter = new AuthFailureLimiter(1, 60_000, () => now, 100);
    for (let i = 0; i < 1_000; i += 1) limiter.fail(`10.0.${i >> 8}.${i & 255}`);
    expect(limiter.retryAfterMs('10.0.3.231')).toBeGreaterThan(0);
    expect(
      (limiter as unknown as { windows: Map<string, unknown> }).windows.size,
    ).toBeLessThanOrEqual(100);
  });
});
