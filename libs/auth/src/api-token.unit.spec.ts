import { API_TOKEN_PREFIX, generateApiToken, hashApiToken } from './api-token';

describe('generateApiToken', () => {
  it('is rl_ and 32 random bytes in base64url: 46 characters, no padding', () => {
    const token = generateApiToken();
    expect(token).toMatch(/^rl_[A-Za-z0-9_-]{43}$/);
    expect(token.startsWith(API_TOKEN_PREFIX)).toBe(true);
    expect(Buffer.from(token.slice(3), 'base64url')).toHaveLength(32);
  });

  it('never repeats itself', () => {
    const tokens = new Set(Array.from({ length: 1_000 }, generateApiToken));
    expect(tokens.size).toBe(1_000);
  });
});

describe('hashApiToken', () => {
  it('is the SHA-256 of the token, hex', () => {
    // FIPS 180-2's test vector.
    expect(hashApiToken('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });

  it('is stable, differs per token, and contains nothing of the token', () => {
    const token = generateApiToken();
    expect(hashApiToken(token)).toBe(hashApiToken(token));
    expect(hashApiToken(token)).not.toBe(hashApiToken(generateApiToken()));
    expect(hashApiToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashApiToken(token)).not.toContain(token.slice(3, 11));
  });
});
