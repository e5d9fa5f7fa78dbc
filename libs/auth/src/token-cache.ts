import { tokenFingerprint } from './api-token';

interface Entry<T> {
  value: T;
  tokenId: string;
  expiresAt: number;
}

/**
 * Recently verified tokens, so only the first request of a while pays for argon2. Keyed by a
 * SHA-256 fingerprint of the token, never the token. Entries live `ttlMs` at most (and never
 * past the token's own expiry); a revocation in this process evicts at once, one in another
 * process is seen within `ttlMs`.
 */
export class TokenCache<T> {
  private readonly entries = new Map<string, Entry<T>>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
    private readonly now: () => number = Date.now,
  ) {}

  get(token: string): T | undefined {
    const key = tokenFingerprint(token);
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  set(token: string, tokenId: string, value: T, tokenExpiresAt?: Date): void {
    const expiresAt = Math.min(this.now() + this.ttlMs, tokenExpiresAt?.getTime() ?? Infinity);
    if (this.entries.size >= this.maxEntries) this.evictOldest();
    this.entries.set(tokenFingerprint(token), { value, tokenId, expiresAt });
  }

  evictToken(tokenId: string): void {
    for (const [key, entry] of this.entries)
      if (entry.tokenId === tokenId) this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }

  // A Map iterates in insertion order: the first entry is the oldest.
  private evictOldest(): void {
    const oldest = this.entries.keys().next();
    if (oldest.done !== true) this.entries.delete(oldest.value);
  }
}
