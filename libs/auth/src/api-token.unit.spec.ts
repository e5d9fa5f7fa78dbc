import { randomUUID } from 'node:crypto';
import {
  API_TOKEN_PREFIX,
  apiTokenId,
  generateApiToken,
  hashApiToken,
  tokenFingerprint,
  verifyApiToken,
} from './api-token';

describe('generateApiToken', () => {
  it('is rl_, the row id in hex, _, and 32 random bytes in base64url', () => {
    const { id, token } = generateApiToken();
    expect(token).toMatch(/^rl_[0-9a-f]{32}_[A-Za-z0-9_-]{43}$/);
    expect(token.startsWith(API_TOKEN_PREFIX)).toBe(true);
    expect(token.slice(3, 35)).toBe(id.replace(/-/g, ''));
    expect(Buffer.from(token.slice(36), 'base64url')).toHaveLength(32);
  });

  it('never repeats itself, even for one id', () => {
    const id = randomUUID();
    const tokens = new Set(Array.from({ length: 1_000 }, () => generateApiToken(id).token));
    expect(tokens.size).toBe(1_000);
  });
});

describe('apiTokenId', () => {
  it('reads the row id back from an issued token', () => {
    const { id, token } = generateApiToken();
    expect(apiTokenId(token)).toBe(id);
  });

  it.each([
    'rl_test-admin-token-0123456789abcdef',
    `rl_${'0'.repeat(32)}_short`,
    `rl_${'G'.repeat(32)}_${'a'.repeat(43)}`,
    `xx_${'0'.repeat(32)}_${'a'.repeat(43)}`,
    `rl_${'0'.repeat(32)}_${'a'.repeat(43)} `,
    '',
  ])('is undefined for %j', (token) => {
    expect(apiTokenId(token)).toBeUndefined();
  });
});

describe('hashApiToken', () => {
  it('is a salted argon2id hash that verifies only its token', async () => {
    const { token } = generateApiToken();
    const stored = await hashApiToken(token);

    expect(stored).toMatch(/^\$argon2id\$v=19\$m=\d+,t=\d+,p=\d+\$/);
    expect(stored).not.toContain(token.slice(36, 50));
    expect(await hashApiToken(token)).not.toBe(stored);
    expect(await verifyApiToken(stored, token)).toBe(true);
    expect(await verifyApiToken(stored, generateApiToken().token)).toBe(false);
  });

  it('never verifies against a retired or broken hash', async () => {
    expect(await verifyApiToken('retired-sha256', 'anything')).toBe(false);
    expect(await verifyApiToken('$argon2id$broken', 'anything')).toBe(false);
  });
});

describe('tokenFingerprint', () => {
  it('is stable, differs per token and shows nothing of it', () => {
    const { token } = generateApiToken();
    expect(tokenFingerprint(token)).toBe(tokenFingerprint(token));
    expect(tokenFingerprint(token)).not.toBe(tokenFingerprint(generateApiToken().token));
    expect(tokenFingerprint(token)).not.toContain(token.slice(36, 44));
  });
});
