import { TokenCache } from './token-cache';

describe('TokenCache', () => {
  let now = 0;
  const cache = () => new TokenCache<string>(30_000, 3, () => now);

  beforeEach(() => {
    now = 1_000_000;
  });

  it('keeps a verified token for its time to live, not longer', () => {
    const tokens = cache();
    tokens.set('rl_a', 'id-a', 'actor a');
    now += 29_999;
    expect(tokens.get('rl_a')).toBe('actor a');
    now += 1;
    expect(tokens.get('rl_a')).toBeUndefined();
  });

  it("never keeps a token past the token's own expiry", () => {
    const tokens = cache();
    tokens.set('rl_a', 'id-a', 'actor a', new Date(now + 5_000));
    now += 5_000;
    expect(tokens.get('rl_a')).toBeUndefined();
  });

  it('forgets every entry of a revoked token id', () => {
    const tokens = cache();
    tokens.set('rl_a', 'id-a', 'actor a');
    tokens.set('rl_b', 'id-b', 'actor b');
    tokens.evictToken('id-a');
    expect(tokens.get('rl_a')).toBeUndefined();
    expect(tokens.get('rl_b')).toBe('actor b');
  });

  it('drops the oldest entry when full, and only recognises the exact token', () => {
    const tokens = cache();
    for (const name of ['a', 'b', 'c', 'd']) tokens.set(`rl_${name}`, `id-${name}`, name);
    expect(tokens.get('rl_a')).toBeUndefined();
    expect(tokens.get('rl_d')).toBe('d');
    expect(tokens.get('rl_d ')).toBeUndefined();
  });
});
