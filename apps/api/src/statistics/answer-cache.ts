import { createHash } from 'node:crypto';

/** What a computation hands the cache: the answer, its size, and the key it stands under. */
export interface Computed<V> {
  value: V;
  /** The key the answer is true for; it may differ from the key it was asked under. */
  key: string;
  bytes: number;
}

export interface AnswerCacheLimits {
  maxEntries: number;
  maxBytes: number;
}

/** Counters a test or an operator reads: how many answers were computed, and how many not. */
export interface AnswerCacheCounters {
  computed: number;
  hits: number;
  /** Asked while the same answer was being computed: they waited for it. */
  joined: number;
  evicted: number;
}

/**
 * Recent answers in memory, least recently used first out, bounded both by their number and
 * by their size; and the answers being computed, so that identical requests arriving together
 * share one computation (a public page hit by many readers runs its GROUP BY once).
 *
 * The caller puts in the key everything the answer depends on, the read model's position
 * included: nothing is ever invalidated, an answer of an older position is simply never asked
 * for again and ages out.
 */
export class AnswerCache<V> {
  private readonly entries = new Map<string, { value: V; bytes: number }>();
  private readonly inFlight = new Map<string, Promise<V>>();
  private size = 0;
  readonly counters: AnswerCacheCounters = { computed: 0, hits: 0, joined: 0, evicted: 0 };

  constructor(private readonly limits: AnswerCacheLimits) {}

  get bytes(): number {
    return this.size;
  }

  get count(): number {
    return this.entries.size;
  }

  /** The answer under `key`, computing it (once for all who ask meanwhile) when absent. */
  async getOrCompute(key: string, compute: () => Promise<Computed<V>>): Promise<V> {
    const cached = this.entries.get(key);
    if (cached !== undefined) {
      // Map keeps insertion order: re-inserting makes it the most recently used.
      this.entries.delete(key);
      this.entries.set(key, cached);
      this.counters.hits += 1;
      return cached.value;
    }
    const running = this.inFlight.get(key);
    if (running !== undefined) {
      this.counters.joined += 1;
      return running;
    }
    const started = this.run(compute).finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, started);
    return started;
  }

  private async run(compute: () => Promise<Computed<V>>): Promise<V> {
    this.counters.computed += 1;
    const { value, key, bytes } = await compute();
    this.put(key, value, bytes);
    return value;
  }

  private put(key: string, value: V, bytes: number): void {
    if (bytes > this.limits.maxBytes) return;
    const previous = this.entries.get(key);
    if (previous !== undefined) {
      this.entries.delete(key);
      this.size -= previous.bytes;
    }
    this.entries.set(key, { value, bytes });
    this.size += bytes;
    for (const [oldest, entry] of this.entries) {
      if (this.entries.size <= this.limits.maxEntries && this.size <= this.limits.maxBytes) break;
      this.entries.delete(oldest);
      this.size -= entry.bytes;
      this.counters.evicted += 1;
    }
  }
}

/** A weak validator for `basis` (a position or a version) and a query key; reveals neither. */
export function entityTag(basis: string, key: string): string {
  const digest = createHash('sha256').update(basis).update('\0').update(key).digest('base64url');
  return `W/"${digest.slice(0, 27)}"`;
}

/** Whether an `If-None-Match` header names `etag` (weak comparison, RFC 9110 13.1.2). */
export function ifNoneMatchNames(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === opaque(etag));
}

/**
 * Reads of a value many requests ask for at once (the read model's position, a workspace's
 * publicity), shared: a request joins the next read to start, never one already running, so
 * that what it gets was read after it arrived (a write it knows of is seen), while under load
 * one read serves every request that arrived during the previous one.
 */
export function sharedReads<K, T>(read: (key: K) => Promise<T>): (key: K) => Promise<T> {
  const running = new Map<K, Promise<T>>();
  const queued = new Map<K, Promise<T>>();
  const start = (key: K): Promise<T> => {
    const started = read(key).finally(() => {
      if (running.get(key) === started) running.delete(key);
    });
    running.set(key, started);
    return started;
  };
  return (key) => {
    const current = running.get(key);
    if (current === undefined) return start(key);
    const next =
      queued.get(key) ??
      current
        .then(
          () => undefined,
          () => undefined,
        )
        .then(() => {
          queued.delete(key);
          return start(key);
        });
    queued.set(key, next);
    return next;
  };
}
