import { randomUUID } from 'node:crypto';
import { DuplicateEventId, WrongExpectedVersion } from './errors';
import { EventStore, NewEvent, RecordedEvent } from './event-store.port';
import { comparePositions, Position, START } from './position';

/**
 * What an adapter's spec hands the contract suite. `openAppend` appends inside a transaction
 * that stays open until `commit()`; adapters whose writes cannot be held open (KurrentDB)
 * leave it out and the late-commit case is skipped for them.
 */
export interface ContractHarness {
  store: EventStore;
  openAppend?(streamId: string, events: NewEvent[]): Promise<{ commit(): Promise<void> }>;
  /**
   * Opens transactions that hold transaction ids but append no events, as other work on a
   * shared server does, and keeps them open until `release()`. Adapters without other
   * sessions beside them (PGlite, KurrentDB) leave it out and that case is skipped.
   */
  holdUnrelatedTransactions?(): Promise<{ release(): Promise<void> }>;
  /** False where the store indexes event ids per stream only (KurrentDB). */
  eventIdsUniqueAcrossStreams?: boolean;
  close(): Promise<void>;
}

/** One behaviour for every adapter: each adapter's spec calls this with its own harness. */
export function eventStoreContract(
  name: string,
  createHarness: () => Promise<ContractHarness>,
): void {
  describe(`EventStore contract: ${name}`, () => {
    let harness: ContractHarness;
    let store: EventStore;
    // Streams are unique per run so the suite can share a database with other suites.
    const run = randomUUID().slice(0, 8);
    const stream = (category = 'incident') => `${category}-${run}${randomUUID()}`;

    beforeAll(async () => {
      harness = await createHarness();
      store = harness.store;
    });
    afterAll(async () => harness?.close());

    describe('append and readStream', () => {
      it('stores events in order with their type, schema version and metadata', async () => {
        const s = stream();
        const events = [event('IncidentReported', { n: 1 }), event('TargetAdded', { n: 2 }, 2)];
        events[0].metadata = { workspaceId: 'ws-1', actorId: 'user-1', correlationId: 'c-1' };
        const result = await store.append(s, events, { expectedVersion: 'no_stream' });
        expect(result.nextVersion).toBe(2);

        const read = await collect(store.readStream(s));
        expect(read.map((e) => [e.eventId, e.type, e.schemaVersion, e.streamVersion])).toEqual([
          [events[0].eventId, 'IncidentReported', 1, 1],
          [events[1].eventId, 'TargetAdded', 2, 2],
        ]);
        expect(read[0].data).toEqual({ n: 1 });
        expect(read[0].metadata).toMatchObject({
          workspaceId: 'ws-1',
          actorId: 'user-1',
          correlationId: 'c-1',
        });
        expect(read[0].streamId).toBe(s);
        expect(Number.isNaN(Date.parse(read[0].recordedAt))).toBe(false);
        expect(read[1].position > read[0].position).toBe(true);
        expect(read[1].position).toBe(result.position);
      });

      it('reads from a version, up to a count, and nothing for an absent stream', async () => {
        const s = stream();
        await store.append(
          s,
          range(5).map(() => event('E')),
          { expectedVersion: 'no_stream' },
        );
        const tail = await collect(store.readStream(s, { fromVersion: 3, maxCount: 2 }));
        expect(tail.map((e) => e.streamVersion)).toEqual([3, 4]);
        expect(await collect(store.readStream(stream()))).toEqual([]);
      });

      it.each([
        ['no_stream on an existing stream', 'no_stream' as const, 1],
        ['0 on an existing stream', 0, 1],
        ['a version the stream has not reached', 2, 1],
      ])(
        'refuses %s with WrongExpectedVersion naming the actual version',
        async (_, expected, actual) => {
          const s = stream();
          await store.append(s, [event('E')], { expectedVersion: 'no_stream' });
          const refused = store.append(s, [event('E')], { expectedVersion: expected });
          await expect(refused).rejects.toBeInstanceOf(WrongExpectedVersion);
          await expect(refused).rejects.toMatchObject({ streamId: s, actual });
          expect(await collect(store.readStream(s))).toHaveLength(1);
        },
      );

      it('treats stream_exists and an exact version as absent-stream conflicts (actual 0)', async () => {
        for (const expected of ['stream_exists' as const, 3]) {
          const s = stream();
          await expect(
            store.append(s, [event('E')], { expectedVersion: expected }),
          ).rejects.toMatchObject({
            name: 'WrongExpectedVersion',
            actual: 0,
          });
          expect(await collect(store.readStream(s))).toEqual([]);
        }
      });

      it('appends with any, stream_exists and the exact version', async () => {
        const s = stream();
        expect((await store.append(s, [event('E')], { expectedVersion: 'any' })).nextVersion).toBe(
          1,
        );
        expect((await store.append(s, [event('E')], { expectedVersion: 'any' })).nextVersion).toBe(
          2,
        );
        expect(
          (await store.append(s, [event('E')], { expectedVersion: 'stream_exists' })).nextVersion,
        ).toBe(3);
        expect(
          (await store.append(s, [event('E'), event('E')], { expectedVersion: 3 })).nextVersion,
        ).toBe(5);
        expect((await collect(store.readStream(s))).map((e) => e.streamVersion)).toEqual([
          1, 2, 3, 4, 5,
        ]);
      });

      it('refuses an empty append', async () => {
        await expect(store.append(stream(), [], { expectedVersion: 'any' })).rejects.toThrow(
          RangeError,
        );
      });
    });

    describe('idempotency by eventId (d)', () => {
      it('re-appending stored events creates nothing and returns the first result', async () => {
        const s = stream();
        const events = [event('E'), event('E')];
        const first = await store.append(s, events, { expectedVersion: 'no_stream' });
        const before = await countAll(store);
        // The retry carries the expected version of the first attempt, which is now stale.
        const retry = await store.append(s, events, { expectedVersion: 'no_stream' });
        expect(retry).toEqual(first);
        const again = await store.append(s, events, { expectedVersion: 'any' });
        expect(again).toEqual(first);
        expect(await collect(store.readStream(s))).toHaveLength(2);
        expect(await countAll(store)).toBe(before);
      });

      it('five concurrent retries of one append store it once', async () => {
        const s = stream();
        const events = [event('E')];
        const results = await Promise.allSettled(
          range(5).map(() => store.append(s, events, { expectedVersion: 'any' })),
        );
        expect(results.every((r) => r.status === 'fulfilled')).toBe(true);
        expect(await collect(store.readStream(s))).toHaveLength(1);
      });

      it('an event id stored in another stream is refused, not duplicated', async () => {
        if (harness.eventIdsUniqueAcrossStreams === false) return;
        const e = event('E');
        await store.append(stream(), [e], { expectedVersion: 'no_stream' });
        const other = stream();
        await expect(store.append(other, [e], { expectedVersion: 'any' })).rejects.toBeInstanceOf(
          DuplicateEventId,
        );
        expect(await collect(store.readStream(other))).toEqual([]);
      });
    });

    describe('appendToStreams', () => {
      // Metadata as the application writes it: strings (KurrentDB's batch call takes no other).
      const batchEvent = (type = 'E', data: Record<string, unknown> = {}) => ({
        ...event(type, data),
        metadata: { workspaceId: 'ws-1', actorId: 'user-1', correlationId: 'c-1' },
      });

      it('appends to several streams at once: results in order, positions increasing', async () => {
        const head = await store.headPosition();
        const existing = stream('person');
        await store.append(existing, [event('E')], { expectedVersion: 'no_stream' });
        const [a, b] = [stream(), stream()];
        const events = [batchEvent('A', { i: 1 }), batchEvent('B', { i: 2 }), batchEvent('C')];
        const results = await store.appendToStreams([
          { streamId: a, events: [events[0], events[1]], expectedVersion: 'no_stream' },
          { streamId: existing, events: [events[2]], expectedVersion: 1 },
          { streamId: b, events: [batchEvent()], expectedVersion: 'any' },
        ]);

        expect(results.map((r) => [r.nextVersion, r.replayed])).toEqual([
          [2, false],
          [2, false],
          [1, false],
        ]);
        for (let i = 1; i < results.length; i++) {
          expect(comparePositions(results[i - 1].position, results[i].position)).toBe(-1);
        }
        const readA = await collect(store.readStream(a));
        expect(readA.map((e) => [e.eventId, e.type, e.streamVersion])).toEqual([
          [events[0].eventId, 'A', 1],
          [events[1].eventId, 'B', 2],
        ]);
        expect(readA[0].data).toEqual({ i: 1 });
        expect(readA[0].metadata).toMatchObject({ workspaceId: 'ws-1', correlationId: 'c-1' });
        expect(readA[1].position).toBe(results[0].position);
        const mine = (await collect(store.readAll({ from: head }))).filter((e) =>
          [a, b, existing].includes(e.streamId),
        );
        expect(mine.map((e) => e.position).slice(-4)).toEqual([
          readA[0].position,
          results[0].position,
          results[1].position,
          results[2].position,
        ]);
      });

      it('writes nothing when one stream conflicts, and names that stream and its version', async () => {
        const taken = stream();
        await store.append(taken, [event('E'), event('E')], { expectedVersion: 'no_stream' });
        const [a, b] = [stream(), stream()];
        const refused = store.appendToStreams([
          { streamId: a, events: [batchEvent()], expectedVersion: 'no_stream' },
          { streamId: taken, events: [batchEvent()], expectedVersion: 'no_stream' },
          { streamId: b, events: [batchEvent()], expectedVersion: 'no_stream' },
        ]);
        await expect(refused).rejects.toBeInstanceOf(WrongExpectedVersion);
        await expect(refused).rejects.toMatchObject({ streamId: taken, actual: 2 });
        expect(await collect(store.readStream(a))).toEqual([]);
        expect(await collect(store.readStream(b))).toEqual([]);
        expect(await collect(store.readStream(taken))).toHaveLength(2);
      });

      it('a retried batch returns the first results, replayed, and stores nothing again', async () => {
        const appends = [stream(), stream('person'), stream()].map((streamId) => ({
          streamId,
          events: [batchEvent(), batchEvent()],
          expectedVersion: 'no_stream' as const,
        }));
        const first = await store.appendToStreams(appends);
        const before = await countAll(store);
        expect(await store.appendToStreams(appends)).toEqual(
          first.map((r) => ({ ...r, replayed: true })),
        );
        expect(await countAll(store)).toBe(before);
        for (const { streamId } of appends) {
          expect(await collect(store.readStream(streamId))).toHaveLength(2);
        }
      });

      it('writes the new appends of a batch whose others were stored before', async () => {
        const stored = { streamId: stream(), events: [batchEvent()], expectedVersion: 0 };
        const [first] = await store.appendToStreams([stored]);
        const fresh = { streamId: stream(), events: [batchEvent()], expectedVersion: 0 };
        const results = await store.appendToStreams([fresh, stored]);
        expect(results[1]).toEqual({ ...first, replayed: true });
        expect(results[0]).toMatchObject({ nextVersion: 1, replayed: false });
        expect(comparePositions(results[0].position, first.position)).toBe(1);
        expect(await collect(store.readStream(stored.streamId))).toHaveLength(1);
      });

      it('two batches racing for one new stream: one wins, the other writes nothing', async () => {
        const contested = stream();
        const batch = () =>
          [stream(), contested].map((streamId) => ({
            streamId,
            events: [batchEvent()],
            expectedVersion: 'no_stream' as const,
          }));
        const [x, y] = [batch(), batch()];
        const outcomes = await Promise.allSettled([
          store.appendToStreams(x),
          store.appendToStreams(y),
        ]);
        expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
        const lost = outcomes[0].status === 'rejected' ? x : y;
        const reason = (outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult)
          .reason;
        expect(reason).toBeInstanceOf(WrongExpectedVersion);
        expect(reason.streamId).toBe(contested);
        expect(await collect(store.readStream(lost[0].streamId))).toEqual([]);
        expect(await collect(store.readStream(contested))).toHaveLength(1);
      });

      it('batches over the same streams in opposite orders all complete (no deadlock)', async () => {
        const streams = range(6).map(() => stream());
        const batch = (order: string[]) =>
          store.appendToStreams(
            order.map((streamId) => ({
              streamId,
              events: [batchEvent()],
              expectedVersion: 'any' as const,
            })),
          );
        for (let round = 0; round < 5; round++) {
          await Promise.all([batch(streams), batch([...streams].reverse())]);
        }
        for (const s of streams) expect(await collect(store.readStream(s))).toHaveLength(10);
      });

      it('an event id stored in another stream refuses the whole batch', async () => {
        if (harness.eventIdsUniqueAcrossStreams === false) return;
        const e = batchEvent();
        await store.append(stream(), [e], { expectedVersion: 'no_stream' });
        const [a, b] = [stream(), stream()];
        await expect(
          store.appendToStreams([
            { streamId: a, events: [batchEvent()], expectedVersion: 'no_stream' },
            { streamId: b, events: [e], expectedVersion: 'no_stream' },
          ]),
        ).rejects.toMatchObject({ name: 'DuplicateEventId', streamId: b });
        expect(await collect(store.readStream(a))).toEqual([]);
        expect(await collect(store.readStream(b))).toEqual([]);
      });

      it('refuses an append without events and a stream twice; nothing for no appends', async () => {
        const s = stream();
        await expect(
          store.appendToStreams([{ streamId: s, events: [], expectedVersion: 'any' }]),
        ).rejects.toThrow(RangeError);
        await expect(
          store.appendToStreams([
            { streamId: s, events: [batchEvent()], expectedVersion: 'any' },
            { streamId: s, events: [batchEvent()], expectedVersion: 'any' },
          ]),
        ).rejects.toThrow(RangeError);
        expect(await collect(store.readStream(s))).toEqual([]);
        expect(await store.appendToStreams([])).toEqual([]);
      });
    });

    describe('optimistic concurrency (a)', () => {
      it('20 concurrent writers: each version is won exactly once, without gap or duplicate', async () => {
        const s = stream();
        await store.append(s, [event('Created')], { expectedVersion: 'no_stream' });
        const rounds = 5;
        for (let version = 1; version <= rounds; version++) {
          const outcomes = await Promise.allSettled(
            range(20).map((w) =>
              store.append(s, [event('Corrected', { w })], { expectedVersion: version }),
            ),
          );
          const won = outcomes.filter((o) => o.status === 'fulfilled');
          const lost = outcomes.filter((o) => o.status === 'rejected');
          expect(won).toHaveLength(1);
          expect(lost).toHaveLength(19);
          for (const o of lost) {
            const reason = (o as PromiseRejectedResult).reason;
            expect(reason).toBeInstanceOf(WrongExpectedVersion);
            expect(reason.actual).toBe(version + 1);
          }
        }
        const versions = (await collect(store.readStream(s))).map((e) => e.streamVersion);
        expect(versions).toEqual(range(rounds + 1).map((i) => i + 1));
      });
    });

    describe('readAll', () => {
      it('returns committed events in one total order, after an exclusive position', async () => {
        const head = await store.headPosition();
        const a = stream();
        const b = stream('person');
        await store.append(a, [event('E', { i: 1 })], { expectedVersion: 'no_stream' });
        await store.append(b, [event('E', { i: 2 })], { expectedVersion: 'no_stream' });
        await store.append(a, [event('E', { i: 3 })], { expectedVersion: 1 });

        const mine = (await collect(store.readAll({ from: head }))).filter((e) =>
          [a, b].includes(e.streamId),
        );
        expect(mine.map((e) => (e.data as { i: number }).i)).toEqual([1, 2, 3]);
        assertStrictlyIncreasing(mine);

        const afterFirst = (await collect(store.readAll({ from: mine[0].position }))).filter((e) =>
          [a, b].includes(e.streamId),
        );
        expect(afterFirst.map((e) => (e.data as { i: number }).i)).toEqual([2, 3]);
        expect(await collect(store.readAll({ from: head, maxCount: 2 }))).toHaveLength(2);
        expect(await store.headPosition()).toBe(mine[2].position);
        expect(await store.lastCommittedPosition()).toBe(mine[2].position);
      });

      it('filters by category', async () => {
        const head = await store.headPosition();
        const p = stream('person');
        await store.append(stream('incident'), [event('E')], { expectedVersion: 'no_stream' });
        await store.append(p, [event('E')], { expectedVersion: 'no_stream' });
        const persons = await collect(store.readAll({ from: head, categories: ['person'] }));
        expect(persons.map((e) => e.streamId)).toEqual([p]);
        expect(await collect(store.readAll({ from: head, categories: [] }))).toEqual([]);
      });

      it('starts from the beginning by default', async () => {
        const [first] = await collect(store.readAll({ maxCount: 1 }));
        expect(first).toBeDefined();
        expect(comparePositions(first.position, START)).toBe(1);
      });
    });

    describe('subscribe', () => {
      it('(b) 8 writers × 1,000 events while a subscriber runs live: each seen once, in readAll order', async () => {
        const from = await store.headPosition();
        const category = `sub${run}`;
        const total = 8 * 1000;
        const subscriber = deliver(store, from, category, total);
        const { seen } = subscriber;
        await Promise.all(
          range(8).map(async (w) => {
            const s = `${category}-${w}-${randomUUID()}`;
            for (let v = 0; v < 1000; v++) {
              await store.append(s, [event('E', { w, v })], { expectedVersion: v });
            }
          }),
        );
        await withTimeout(subscriber.done, 60_000, subscriber.stop);
        const all = await collect(store.readAll({ from, categories: [category] }));
        expect(all).toHaveLength(total);
        expect(new Set(seen.map((e) => e.eventId)).size).toBe(total);
        expect(seen.map((e) => e.eventId)).toEqual(all.map((e) => e.eventId));
        assertStrictlyIncreasing(seen);
      }, 120_000);

      it('(c) a transaction that commits late is delivered, and nothing after it first', async () => {
        if (!harness.openAppend) {
          console.info(`${name}: late-commit case not applicable (writes cannot be held open)`);
          return;
        }
        const from = await store.headPosition();
        const category = `late${run}`;
        const subscriber = deliver(store, from, category, 2);
        const { seen } = subscriber;
        const early = event('T1');
        const late = event('T2');
        const t1 = await harness.openAppend(`${category}-${randomUUID()}`, [early]);
        let t2: Promise<unknown> | undefined;
        try {
          // T2 starts after T1 and commits first (on a single-writer store it waits for T1).
          t2 = store.append(`${category}-${randomUUID()}`, [late], {
            expectedVersion: 'no_stream',
          });
          await Promise.race([t2, delay(300)]);
          await delay(300); // several poll intervals
          expect(seen).toEqual([]); // nothing past T1's position while T1 is open
        } finally {
          // Never leave T1 open: it would hold back every reader on the server.
          await t1.commit();
          await t2;
        }
        await withTimeout(subscriber.done, 10_000, subscriber.stop);
        expect(seen.map((e) => e.eventId)).toEqual([early.eventId, late.eventId]);
      });

      it('(e) transactions that append nothing hold no subscriber back: 3 subscribers deliver 8 writers × 125 appends within 2 s of each commit', async () => {
        if (!harness.holdUnrelatedTransactions) {
          console.info(`${name}: held-transaction case not applicable (no other sessions)`);
          return;
        }
        const from = await store.headPosition();
        const category = `held${run}`;
        const [writers, perWriter] = [8, 125];
        const total = writers * perWriter;
        const held = await harness.holdUnrelatedTransactions();
        const committedAt = new Map<string, number>();
        const subscribers = range(3).map(() => deliver(store, from, category, total));
        try {
          // Paced over HELD_APPENDS_MS: the unrelated transactions stay open through all of it.
          await Promise.all(
            range(writers).map(async (w) => {
              const s = `${category}-${w}-${randomUUID()}`;
              for (let v = 0; v < perWriter; v++) {
                const e = event('E', { w, v });
                await store.append(s, [e], { expectedVersion: v });
                committedAt.set(e.eventId, Date.now());
                await delay(HELD_APPENDS_MS / perWriter);
              }
            }),
          );
          await withTimeout(Promise.all(subscribers.map((d) => d.done)), 5_000, () =>
            subscribers.forEach((d) => d.stop()),
          );
        } finally {
          subscribers.forEach((d) => d.stop());
          await held.release();
        }
        const all = await collect(store.readAll({ from, categories: [category] }));
        expect(all).toHaveLength(total);
        for (const { seen, deliveredAt } of subscribers) {
          expect(seen.map((e) => e.eventId)).toEqual(all.map((e) => e.eventId));
          const late = seen.filter((e, i) => deliveredAt[i] - committedAt.get(e.eventId)! > 2_000);
          expect(late).toEqual([]);
        }
      }, 90_000);

      it('resumes exclusively after a position and stops on abort', async () => {
        const category = `res${run}`;
        const s = `${category}-${randomUUID()}`;
        const from = await store.headPosition();
        await store.append(
          s,
          range(3).map((i) => event('E', { i })),
          { expectedVersion: 'no_stream' },
        );
        const [first] = await collect(store.readAll({ from, categories: [category] }));
        const controller = new AbortController();
        const seen: number[] = [];
        for await (const e of store.subscribe({
          from: first.position,
          categories: [category],
          signal: controller.signal,
        })) {
          seen.push((e.data as { i: number }).i);
          if (seen.length === 2) controller.abort();
        }
        expect(seen).toEqual([1, 2]);
      });

      it('ends when the consumer breaks out of the loop', async () => {
        let count = 0;
        for await (const _ of store.subscribe({})) {
          if (++count === 3) break;
        }
        expect(count).toBe(3);
      });
    });

    it('answers ping', async () => {
      await expect(store.ping()).resolves.toBeUndefined();
    });
  });
}

export function event(
  type: string,
  data: Record<string, unknown> = {},
  schemaVersion = 1,
): NewEvent {
  return { eventId: randomUUID(), type, schemaVersion, data };
}

export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

async function countAll(store: EventStore): Promise<number> {
  let n = 0;
  for await (const _ of store.readAll()) n++;
  return n;
}

function assertStrictlyIncreasing(events: RecordedEvent[]): void {
  for (let i = 1; i < events.length; i++) {
    if (comparePositions(events[i - 1].position, events[i].position) >= 0) {
      throw new Error(
        `positions not increasing at ${i}: ${events[i - 1].position} then ${events[i].position}`,
      );
    }
  }
}

/** How long the held-transaction case spreads its appends over (the issue asks for 30 s held). */
const HELD_APPENDS_MS = 25_000;

/** A live subscriber from `from` on one category, until it has seen `total` events. */
function deliver(store: EventStore, from: Position, category: string, total: number) {
  const controller = new AbortController();
  const seen: RecordedEvent[] = [];
  const deliveredAt: number[] = [];
  const done = (async () => {
    for await (const e of store.subscribe({
      from,
      categories: [category],
      signal: controller.signal,
    })) {
      seen.push(e);
      deliveredAt.push(Date.now());
      if (seen.length === total) controller.abort();
    }
  })();
  return { seen, deliveredAt, done, stop: () => controller.abort() };
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);
const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function withTimeout<T>(work: Promise<T>, ms: number, onTimeout: () => void): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      onTimeout();
      reject(new Error(`timed out after ${ms} ms`));
    }, ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
