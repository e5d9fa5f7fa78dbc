/**
 * Counts failed authentications per key (a client address, a token id) in a fixed window.
 * Past the limit, the guard answers that key's failures with 429 and spares the argon2 work of
 * ids that name no token (a flood of made-up tokens would otherwise be a denial of service);
 * a token that verifies still gets in.
 */
export class AuthFailureLimiter {
  private readonly windows = new Map<string, { failures: number; endsAt: number }>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly now: () => number = Date.now,
    private readonly maxClients = 10_000,
  ) {}

  /** Milliseconds until the client may try again; 0 when it may now. */
  retryAfterMs(client: string): number {
    const window = this.windows.get(client);
    if (window === undefined) return 0;
    const left = window.endsAt - this.now();
    if (left <= 0) {
      this.windows.delete(client);
      return 0;
    }
    return window.failures >= this.limit ? left : 0;
  }

  fail(client: string): void {
    const now = this.now();
    const window = this.windows.get(client);
    if (window !== undefined && window.endsAt > now) {
      window.failures += 1;
      return;
    }
    if (this.windows.size >= this.maxClients) this.sweep(now);
    this.windows.set(client, { failures: 1, endsAt: now + this.windowMs });
  }

  private sweep(now: number): void {
    for (const [client, window] of this.windows)
      if (window.endsAt <= now) this.windows.delete(client);
    // Still full (a flood from many addresses): forget the oldest rather than grow.
    if (this.windows.size >= this.maxClients) {
      const oldest = this.windows.keys().next();
      if (oldest.done !== true) this.windows.delete(oldest.value);
    }
  }
}
