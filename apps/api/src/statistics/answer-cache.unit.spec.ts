import { AnswerCache, entityTag, ifNoneMatchNames, sharedReads } from './answer-cache';

const answer =
  (value: string, key = value, bytes = 10) =>
  async () => ({ value, key, bytes });

describe('the cache of recent answers', () => {
  it('computes an answer once, however many ask for it together or after', async () => {
    const cache = new AnswerCache<string>({ maxEntries: 10, maxBytes: 1_000 });
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let runs = 0;
    const compute = async () => {
      runs += 1;
      await gate;
      return { value: 'table', key: 'k', bytes: 10 };
    };
    const together = Array.from({ length: 8 }, () => cache.getOrCompute('k', compute));
    release();
    expect(await Promise.all(together)).toEqual(Array(8).fill('table'));
    expect(await cache.getOrCompute('k', compute)).toBe('table');
    expect(runs).toBe(1);
    expect(cache.counters).toMatchObject({ computed: 1, joined: 7, hits: 1 });
  });

  it('files an answer under the key it names, not the one it was asked under', async () => {
    const cache = new AnswerCache<string>({ maxEntries: 10, maxBytes: 1_000 });
    await cache.getOrCompute('position 1', answer('figures at 2', 'position 2'));
    expect(await cache.getOrCompute('position 2', answer('never computed'))).toBe('figures at 2');
    expect(await cache.getOrCompute('position 1', answer('again', 'position 1'))).toBe('again');
  });

  it('forgets the least recently used answer beyond its count or its bytes', async () => {
    const cache = new AnswerCache<string>({ maxEntries: 2, maxBytes: 25 });
    await cache.getOrCompute('a', answer('a'));
    await cache.getOrCompute('b', answer('b'));
    await cache.getOrCompute('a', answer('a2')); // a is now the most recent
    await cache.getOrCompute('c', answer('c'));
    expect(await cache.getOrCompute('b', answer('b2'))).toBe('b2'); // b went first
    expect(cache.count).toBe(2);
    await cache.getOrCompute('big', answer('big', 'big', 20)); // 20 + 10 > 25
    expect(cache.count).toBe(1);
    expect(cache.bytes).toBe(20);
    await cache.getOrCompute('huge', answer('huge', 'huge', 26)); // never kept
    expect(cache.bytes).toBe(20);
    expect(cache.counters.evicted).toBe(4); // b, a, then c and b2 for the big one
  });

  it('keeps no failed computation: the next request tries again', async () => {
    const cache = new AnswerCache<string>({ maxEntries: 2, maxBytes: 100 });
    await expect(
      cache.getOrCompute('k', () => Promise.reject(new Error('database gone'))),
    ).rejects.toThrow('database gone');
    expect(await cache.getOrCompute('k', answer('k'))).toBe('k');
  });
});

describe('entity tags', () => {
  it('differ by basis and question, and reveal neither', () => {
    const tag = entityTag('00000000000000000742', '["suppressed","ws"]');
    expect(tag).toMatch(/^W\/"[A-Za-z0-9_-]{27}"$/);
    expect(tag).not.toContain('742');
    expect(entityTag('00000000000000000743', '["suppressed","ws"]')).not.toBe(tag);
    expect(entityTag('00000000000000000742', '["role:analyst","ws"]')).not.toBe(tag);
  });

  it('match If-None-Match weakly, in a list, or as *', () => {
    const tag = entityTag('p', 'q');
    expect(ifNoneMatchNames(tag, tag)).toBe(true);
    expect(ifNoneMatchNames(tag.slice(2), tag)).toBe(true);
    expect(ifNoneMatchNames(`"other", ${tag}`, tag)).toBe(true);
    expect(ifNoneMatchNames('*', tag)).toBe(true);
    expect(ifNoneMatchNames('"other"', tag)).toBe(false);
    expect(ifNoneMatchNames(undefined, tag)).toBe(false);
  });
});

describe('shared reads', () => {
  it('serve the requests that arrive during a read with the next read, started after them', async () => {
    const log: string[] = [];
    let value = 0;
    const gates: (() => void)[] = [];
    const read = sharedReads(async (key: string) => {
      const seen = ++value;
      log.push(`read ${key} ${seen}`);
      await new Promise<void>((resolve) => gates.push(resolve));
      return seen;
    });
    const first = read('a');
    // Arrived while read 1 runs: they must not get it (it may predate a write they know of).
    const second = read('a');
    const third = read('a');
    const other = read('b');
    gates.shift()!();
    expect(await first).toBe(1);
    await Promise.resolve();
    gates.shift()!(); // b
    await new Promise((resolve) => setImmediate(resolve));
    gates.shift()!(); // the next read of a
    expect(await Promise.all([second, third, other])).toEqual([3, 3, 2]);
    expect(log).toEqual(['read a 1', 'read b 2', 'read a 3']);
  });
});
