import { randomUUID } from 'node:crypto';
import {
  ANY,
  BACKWARDS,
  END,
  MaxAppendSizeExceededError,
  NO_STREAM,
  START as KURRENT_START,
  STREAM_EXISTS,
  StreamNotFoundError,
  WrongExpectedVersionError,
  type AllStreamJSONRecordedEvent,
  type AllStreamResolvedEvent,
  type AppendResult as KurrentAppendResult,
  type AppendStreamRequest,
  type AppendStreamState,
  type AppendToStreamOptions,
  type EventData,
  type Filter,
  type MultiAppendResult,
  type ReadAllOptions as KurrentReadAllOptions,
  type ReadPosition,
  type ReadStreamOptions as KurrentReadStreamOptions,
  type ResolvedEvent,
  type SubscribeToAllOptions,
} from '@kurrent/kurrentdb-client';
import { WrongExpectedVersion } from '../errors';
import type { NewEvent, RecordedEvent } from '../event-store.port';
import { START, encodePosition, type Position } from '../position';
import { KurrentDbEventStore, type KurrentDbClientCalls } from './kurrentdb-event-store';
import {
  EVENT_OVERHEAD_BYTES,
  MAX_APPEND_BYTES,
  MAX_EVENTS_PER_APPEND,
  READ_ALL_PAGE_SIZE,
  categoryFilter,
  chunkEvents,
  currentStateToVersion,
  eventByteSize,
  expectedVersionToStreamState,
  inCategories,
  isSystemEvent,
  newEventToEventData,
  nextExpectedRevisionToVersion,
  positionFromKurrent,
  positionToKurrent,
  recordedEventFromKurrent,
  revisionToVersion,
  storedAppendResult,
  streamAppendToRequest,
  streamStateToExpectedVersion,
  versionToRevision,
} from './kurrentdb.mapping';

// ---- builders ------------------------------------------------------------------------------

function anEvent(overrides: Partial<NewEvent> = {}): NewEvent {
  return {
    eventId: randomUUID(),
    type: 'IncidentReported',
    data: { title: 'Detention of a journalist' },
    metadata: {
      workspaceId: 'ws-1',
      actorId: 'user-1',
      correlationId: 'corr-1',
      causationId: 'cause-1',
    },
    ...overrides,
  };
}

/** An event whose data is `bytes` characters of ASCII text. */
function eventOfSize(bytes: number): NewEvent {
  return anEvent({ data: { text: 'x'.repeat(bytes) } });
}

function kurrentRecorded(
  overrides: Partial<AllStreamJSONRecordedEvent> = {},
): AllStreamJSONRecordedEvent {
  return {
    streamId: 'incident-1',
    id: randomUUID(),
    isJson: true,
    revision: 0n,
    type: 'IncidentReported',
    created: new Date('2024-03-01T10:00:00.000Z'),
    data: { title: 'x' },
    metadata: { workspaceId: 'ws-1', schemaVersion: 2 },
    position: { commit: 100n, prepare: 100n },
    ...overrides,
  };
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

// ---- mapping -------------------------------------------------------------------------------

describe('KurrentDB mapping', () => {
  describe('expected version ↔ stream state', () => {
    it.each([
      ['no_stream', NO_STREAM],
      [0, NO_STREAM],
      ['stream_exists', STREAM_EXISTS],
      ['any', ANY],
      [1, 0n],
      [2, 1n],
      [1000, 999n],
    ] as const)('maps %p to %p', (expected, state) => {
      expect(expectedVersionToStreamState(expected)).toBe(state);
    });

    it.each([
      [NO_STREAM, 'no_stream'],
      [STREAM_EXISTS, 'stream_exists'],
      [ANY, 'any'],
      [0n, 1],
      [1n, 2],
      [999n, 1000],
      // legacy numeric codes from the gRPC metadata form of the error
      [-1n, 'no_stream'],
      [-2n, 'any'],
      [-4n, 'stream_exists'],
    ] as const)('maps stream state %p back to %p', (state, expected) => {
      expect(streamStateToExpectedVersion(state)).toBe(expected);
    });

    it('treats 0 as no_stream both ways', () => {
      expect(expectedVersionToStreamState(0)).toBe(expectedVersionToStreamState('no_stream'));
      expect(streamStateToExpectedVersion(expectedVersionToStreamState(0))).toBe('no_stream');
    });

    it.each([-1, 1.5, Number.NaN])('refuses expected version %p', (expected) => {
      expect(() => expectedVersionToStreamState(expected)).toThrow(RangeError);
    });
  });

  describe('revision ↔ version (0-based ↔ 1-based)', () => {
    it('version is revision + 1', () => {
      expect(revisionToVersion(0n)).toBe(1);
      expect(revisionToVersion(41n)).toBe(42);
      expect(versionToRevision(1)).toBe(0n);
      expect(versionToRevision(42)).toBe(41n);
    });

    it('nextExpectedRevision (the last event) → nextVersion (the count)', () => {
      // 3 events stored: revisions 0..2, the client returns 2, the stream's version is 3.
      expect(nextExpectedRevisionToVersion(2n)).toBe(3);
    });

    it('an actual state of no stream or a negative code is version 0', () => {
      expect(currentStateToVersion(NO_STREAM)).toBe(0);
      expect(currentStateToVersion(-1n)).toBe(0);
      expect(currentStateToVersion(4n)).toBe(5);
    });

    it('refuses version 0 as a revision and negative revisions', () => {
      expect(() => versionToRevision(0)).toThrow(RangeError);
      expect(() => revisionToVersion(-1n)).toThrow(RangeError);
    });
  });

  describe('positions', () => {
    it('round-trips {commit, prepare}', () => {
      const kurrent = { commit: 123_456_789n, prepare: 123_456_000n };
      const position = positionFromKurrent(kurrent);
      expect(position).toBe(encodePosition(123_456_789n, 123_456_000n));
      expect(positionToKurrent(position)).toEqual(kurrent);
    });

    it('round-trips the largest 64-bit value', () => {
      const max = 2n ** 64n - 1n;
      expect(positionToKurrent(positionFromKurrent({ commit: max, prepare: max }))).toEqual({
        commit: max,
        prepare: max,
      });
    });

    it('maps our START to the client START', () => {
      expect(positionToKurrent(START)).toBe(KURRENT_START);
    });

    it('orders as plain strings: a later commit sorts after an earlier one', () => {
      const earlier = positionFromKurrent({ commit: 9n, prepare: 9n });
      const later = positionFromKurrent({ commit: 10n, prepare: 10n });
      const muchLater = positionFromKurrent({ commit: 1_000_000n, prepare: 2n });
      expect(earlier < later).toBe(true);
      expect(later < muchLater).toBe(true);
      expect([muchLater, earlier, later].sort()).toEqual([earlier, later, muchLater]);
      // same commit: the prepare position decides
      expect(
        positionFromKurrent({ commit: 10n, prepare: 3n }) <
          positionFromKurrent({ commit: 10n, prepare: 4n }),
      ).toBe(true);
      expect(START < earlier).toBe(true);
    });
  });

  describe('events', () => {
    it('maps a new event to jsonEvent arguments with schemaVersion in the metadata', () => {
      const event = anEvent({ schemaVersion: 3 });
      expect(newEventToEventData(event)).toEqual({
        id: event.eventId,
        contentType: 'application/json',
        type: 'IncidentReported',
        data: event.data,
        metadata: { ...event.metadata, schemaVersion: 3 },
      });
    });

    it('defaults schemaVersion to 1 and never takes recordedAt from the caller', () => {
      const event = anEvent({ metadata: { actorId: 'u', recordedAt: '1999-01-01T00:00:00.000Z' } });
      expect(newEventToEventData(event).metadata).toEqual({ actorId: 'u', schemaVersion: 1 });
      expect(newEventToEventData(anEvent({ metadata: undefined })).metadata).toEqual({
        schemaVersion: 1,
      });
    });

    it('maps a recorded event: version = revision + 1, position, created as recordedAt', () => {
      const recorded = kurrentRecorded({ revision: 4n, position: { commit: 700n, prepare: 650n } });
      expect(recordedEventFromKurrent(recorded)).toEqual<RecordedEvent>({
        eventId: recorded.id,
        type: 'IncidentReported',
        schemaVersion: 2,
        data: { title: 'x' },
        metadata: { workspaceId: 'ws-1', recordedAt: '2024-03-01T10:00:00.000Z' },
        streamId: 'incident-1',
        streamVersion: 5,
        position: encodePosition(700n, 650n),
        recordedAt: '2024-03-01T10:00:00.000Z',
      });
    });

    it('round-trips metadata: schemaVersion removed, the rest kept', () => {
      const event = anEvent({ schemaVersion: 4 });
      const written = newEventToEventData(event);
      const read = recordedEventFromKurrent(
        kurrentRecorded({
          id: written.id,
          type: written.type,
          data: written.data,
          metadata: written.metadata,
        }),
      );
      expect(read.schemaVersion).toBe(4);
      expect(read.metadata).toEqual({
        workspaceId: 'ws-1',
        actorId: 'user-1',
        correlationId: 'corr-1',
        causationId: 'cause-1',
        recordedAt: read.recordedAt,
      });
      expect(read.metadata).not.toHaveProperty('schemaVersion');
      expect(read.eventId).toBe(event.eventId);
      expect(read.data).toEqual(event.data);
    });

    it('reads missing or non-object metadata as only recordedAt, with schemaVersion 1', () => {
      for (const metadata of [undefined, new Uint8Array([1, 2]), 'text']) {
        const read = recordedEventFromKurrent(kurrentRecorded({ metadata }));
        expect(read.metadata).toEqual({ recordedAt: read.recordedAt });
        expect(read.schemaVersion).toBe(1);
      }
    });

    it('maps an append of a batch to a multiStreamAppend request with string metadata', () => {
      const event = anEvent({ schemaVersion: 2 });
      const request = streamAppendToRequest({
        streamId: 'incident-1',
        events: [event],
        expectedVersion: 3,
      });
      expect(request).toEqual({
        streamName: 'incident-1',
        expectedState: 2n,
        events: [
          {
            ...newEventToEventData(event),
            metadata: { ...event.metadata, schemaVersion: '2' },
          },
        ],
      });
      // read back, the decimal schema version is a number again
      const read = recordedEventFromKurrent(
        kurrentRecorded({ metadata: request.events[0].metadata }),
      );
      expect(read.schemaVersion).toBe(2);
      expect(read.metadata).not.toHaveProperty('schemaVersion');
    });

    it('refuses non-string metadata for a batch, naming the event and the key', () => {
      const event = anEvent({ metadata: { workspaceId: 'ws-1', attempt: 2 } });
      expect(() =>
        streamAppendToRequest({ streamId: 'incident-1', events: [event], expectedVersion: 'any' }),
      ).toThrow(new RegExp(`event ${event.eventId}: metadata "attempt"`));
    });

    it('finds an append already stored in its stream, as a retry does', () => {
      const [a, b, c] = [anEvent(), anEvent(), anEvent()];
      const stream = [a, b, c].map((e, i) => ({
        eventId: e.eventId,
        streamVersion: i + 1,
        position: encodePosition(100 + i, 100 + i),
      }));
      const first = { nextVersion: 2, position: stream[1].position, replayed: true };
      expect(storedAppendResult(stream, { events: [a, b], expectedVersion: 'no_stream' })).toEqual(
        first,
      );
      expect(storedAppendResult(stream, { events: [a, b], expectedVersion: 0 })).toEqual(first);
      const last = { nextVersion: 3, position: stream[2].position, replayed: true };
      expect(storedAppendResult(stream, { events: [c], expectedVersion: 2 })).toEqual(last);
      expect(storedAppendResult(stream, { events: [b, c], expectedVersion: 'any' })).toEqual(last);
      // not there, not at the expected version, or only in part
      expect(
        storedAppendResult(stream, { events: [anEvent()], expectedVersion: 'no_stream' }),
      ).toBeUndefined();
      expect(storedAppendResult(stream, { events: [c], expectedVersion: 1 })).toBeUndefined();
      expect(
        storedAppendResult(stream, { events: [c, anEvent()], expectedVersion: 2 }),
      ).toBeUndefined();
      expect(storedAppendResult([], { events: [a], expectedVersion: 'any' })).toBeUndefined();
    });

    it('refuses an event without a position (server before 22.6)', () => {
      const { position: _none, ...withoutPosition } = kurrentRecorded();
      expect(() => recordedEventFromKurrent(withoutPosition as AllStreamJSONRecordedEvent)).toThrow(
        /22\.6/,
      );
    });

    it('recognises system events by type or stream', () => {
      expect(isSystemEvent({ type: '$statsCollected', streamId: '$stats-127.0.0.1:2113' })).toBe(
        true,
      );
      expect(isSystemEvent({ type: '$>', streamId: '$ce-incident' })).toBe(true);
      expect(isSystemEvent({ type: '$metadata', streamId: '$$incident-1' })).toBe(true);
      expect(isSystemEvent({ type: 'IncidentReported', streamId: 'incident-1' })).toBe(false);
    });
  });

  describe('categories', () => {
    it('builds a stream-name prefix filter on "<category>-"', () => {
      expect(categoryFilter(['incident', 'source'])).toMatchObject({
        filterOn: 'streamName',
        prefixes: ['incident-', 'source-'],
      });
    });

    it('has no filter without categories', () => {
      expect(categoryFilter(undefined)).toBeUndefined();
      expect(categoryFilter([])).toBeUndefined();
    });

    it('checks the exact category client-side', () => {
      expect(inCategories('incident-123', ['incident'])).toBe(true);
      expect(inCategories('incidentnote-1', ['incident'])).toBe(false);
      expect(inCategories('source-1', ['incident'])).toBe(false);
      expect(inCategories('source-1', undefined)).toBe(true);
      expect(inCategories('source-1', [])).toBe(false);
    });
  });

  describe('chunking', () => {
    const sizeOf = (chunk: ReturnType<typeof chunkEvents>[number]) =>
      chunk.reduce((sum, e) => sum + eventByteSize(e), 0);

    it('counts data, metadata, type, id and the per-event overhead', () => {
      const data = newEventToEventData(anEvent({ type: 'T', data: { a: 'é' }, metadata: {} }));
      const expected =
        Buffer.byteLength('{"a":"é"}') +
        Buffer.byteLength('{"schemaVersion":1}') +
        1 +
        36 +
        EVENT_OVERHEAD_BYTES;
      expect(eventByteSize(data)).toBe(expected);
    });

    it('splits 3,000 events of ~1 KB into chunks of at most 1 MiB, in order', () => {
      const events = Array.from({ length: 3_000 }, () => newEventToEventData(eventOfSize(1_000)));
      const chunks = chunkEvents(events);
      expect(chunks.length).toBeGreaterThan(1);
      for (const chunk of chunks) {
        expect(sizeOf(chunk)).toBeLessThanOrEqual(MAX_APPEND_BYTES);
        expect(chunk.length).toBeLessThanOrEqual(MAX_EVENTS_PER_APPEND);
      }
      expect(chunks.flat().map((e) => e.id)).toEqual(events.map((e) => e.id));
    });

    it('splits 5,000 tiny events at 4,095', () => {
      const events = Array.from({ length: 5_000 }, () =>
        newEventToEventData(anEvent({ data: {}, metadata: {} })),
      );
      expect(chunkEvents(events).map((c) => c.length)).toEqual([4_095, 905]);
    });

    it('refuses a single 2 MiB event, naming its id and size', () => {
      const big = newEventToEventData(eventOfSize(2 * 1_048_576));
      const small = newEventToEventData(anEvent());
      expect(() => chunkEvents([small, big])).toThrow(RangeError);
      expect(() => chunkEvents([small, big])).toThrow(
        new RegExp(`event ${big.id} .* is ${eventByteSize(big)} bytes`),
      );
    });

    it('keeps a single chunk for a small append and honours custom limits', () => {
      const events = Array.from({ length: 10 }, () => newEventToEventData(anEvent()));
      expect(chunkEvents(events)).toHaveLength(1);
      expect(chunkEvents(events, { maxEvents: 3 }).map((c) => c.length)).toEqual([3, 3, 3, 1]);
    });
  });
});

// ---- a hand-written fake of the client -----------------------------------------------------

interface LogRecord {
  streamId: string;
  event: AllStreamJSONRecordedEvent;
}

/**
 * The few client calls the adapter makes, with KurrentDB's documented semantics: 0-based
 * revisions; `appendToStream` checks `streamState` and throws `WrongExpectedVersionError`
 * (actualState = last revision, or NO_STREAM), refuses more than 1 MiB of data + metadata +
 * type per request, and treats a re-sent append at the same expected revision as idempotent;
 * `readStream` throws `StreamNotFoundError` during iteration; `readAll` forwards INCLUDES the
 * event at `fromPosition`; `subscribeToAll` starts AFTER it and then stays live.
 */
class FakeKurrentDbClient implements KurrentDbClientCalls {
  readonly log: LogRecord[] = [];
  readonly appendCalls: { streamName: string; count: number; streamState: AppendStreamState }[] =
    [];
  readonly readAllCalls: KurrentReadAllOptions[] = [];
  unsubscribed = 0;
  disposed = false;
  ignoreFilters = false;
  /** Lets a test break a later chunk, as a concurrent writer would. */
  beforeAppend?: (call: number) => void;
  private nextLogPosition = 1_000n;
  private readonly wakers = new Set<() => void>();

  async appendToStream(
    streamName: string,
    events: EventData[],
    { streamState = ANY }: AppendToStreamOptions = {},
  ): Promise<KurrentAppendResult> {
    this.appendCalls.push({ streamName, count: events.length, streamState });
    this.beforeAppend?.(this.appendCalls.length);
    const stream = this.stream(streamName);
    const size = events.reduce(
      (sum, e) =>
        sum +
        Buffer.byteLength(JSON.stringify(e.data)) +
        Buffer.byteLength(JSON.stringify(e.metadata ?? '')) +
        e.type.length,
      0,
    );
    if (size > MAX_APPEND_BYTES)
      throw MaxAppendSizeExceededError.fromMaxAppendSize(MAX_APPEND_BYTES);

    // Idempotency: KurrentDB assures it for NO_STREAM and an exact revision (the events
    // already stored right after it), best effort for ANY (a recent-ids cache).
    const start =
      streamState === NO_STREAM
        ? 0
        : typeof streamState === 'bigint'
          ? Number(streamState) + 1
          : stream.findIndex((r) => r.event.id === events[0].id);
    const existing = start < 0 ? [] : stream.slice(start, start + events.length);
    if (
      existing.length === events.length &&
      existing.every((r, i) => r.event.id === events[i].id)
    ) {
      // Nothing stored again; this fake reports no position for it, so the adapter reads it back.
      return { success: true, nextExpectedRevision: existing[existing.length - 1].event.revision };
    }
    const last = stream.length === 0 ? NO_STREAM : BigInt(stream.length - 1);
    const ok =
      streamState === ANY ||
      (streamState === NO_STREAM && stream.length === 0) ||
      (streamState === STREAM_EXISTS && stream.length > 0) ||
      streamState === last;
    if (!ok) {
      throw new WrongExpectedVersionError(undefined, {
        streamName,
        expected: streamState,
        current: last,
      });
    }
    for (const e of events) this.store(streamName, e, BigInt(this.stream(streamName).length));
    const tail = this.log[this.log.length - 1].event;
    return { success: true, nextExpectedRevision: tail.revision, position: tail.position };
  }

  readonly multiAppendCalls: { streamName: string; expectedState: AppendStreamState }[][] = [];

  /**
   * All or nothing: every stream's state is checked before anything is written, and the first
   * mismatch is refused naming its stream. Metadata must be a map of strings, as the client
   * requires. Re-sent event ids are not recognised here: the adapter must find them itself.
   */
  async multiStreamAppend(requests: AppendStreamRequest[]): Promise<MultiAppendResult> {
    this.multiAppendCalls.push(
      requests.map(({ streamName, expectedState }) => ({ streamName, expectedState })),
    );
    for (const { events } of requests) {
      for (const { metadata } of events) {
        if (Object.values(metadata ?? {}).some((v) => typeof v !== 'string')) {
          throw new Error('multiStreamAppend requires metadata with string values');
        }
      }
    }
    for (const { streamName, expectedState } of requests) {
      const stream = this.stream(streamName);
      const last = stream.length === 0 ? NO_STREAM : BigInt(stream.length - 1);
      const ok =
        expectedState === ANY ||
        (expectedState === NO_STREAM && stream.length === 0) ||
        (expectedState === STREAM_EXISTS && stream.length > 0) ||
        expectedState === last;
      if (!ok) {
        throw new WrongExpectedVersionError(undefined, {
          streamName,
          expected: expectedState,
          current: last,
        });
      }
    }
    const responses = requests.map(({ streamName, events }) => {
      for (const e of events) this.store(streamName, e, BigInt(this.stream(streamName).length));
      return { streamName, revision: BigInt(this.stream(streamName).length - 1) };
    });
    return { position: this.log[this.log.length - 1].event.position.commit, responses };
  }

  /** Writes a system event, as the server does on its own (stats, metadata). */
  appendSystemEvent(): void {
    this.store(
      '$stats-127.0.0.1:2113',
      {
        id: randomUUID(),
        contentType: 'application/json',
        type: '$statsCollected',
        data: {},
        metadata: undefined,
      },
      BigInt(this.stream('$stats-127.0.0.1:2113').length),
    );
  }

  readStream(
    streamName: string,
    options: KurrentReadStreamOptions = {},
  ): AsyncIterable<ResolvedEvent> {
    const { fromRevision = KURRENT_START, direction, maxCount = Number.MAX_SAFE_INTEGER } = options;
    // Read when iterated, as the client does (so StreamNotFoundError surfaces during iteration).
    const current = () => this.stream(streamName);
    return (async function* () {
      const stream = current();
      if (stream.length === 0) throw new StreamNotFoundError(undefined, streamName);
      let records = direction === BACKWARDS ? [...stream].reverse() : stream;
      if (typeof fromRevision === 'bigint') {
        records = records.filter((r) =>
          direction === BACKWARDS
            ? r.event.revision <= fromRevision
            : r.event.revision >= fromRevision,
        );
      }
      for (const r of records.slice(0, Number(maxCount))) yield { event: r.event };
    })();
  }

  readAll(options: KurrentReadAllOptions = {}): AsyncIterable<AllStreamResolvedEvent> {
    this.readAllCalls.push(options);
    const {
      fromPosition = KURRENT_START,
      direction,
      maxCount = Number.MAX_SAFE_INTEGER,
      filter,
    } = options;
    const backwards = direction === BACKWARDS;
    let records = (backwards ? [...this.log].reverse() : this.log).filter(
      (r) => this.ignoreFilters || matches(filter, r),
    );
    if (typeof fromPosition === 'object') {
      const from = positionFromKurrent(fromPosition);
      // Inclusive, as the server is.
      records = records.filter((r) => (backwards ? pos(r) <= from : pos(r) >= from));
    }
    const page = records.slice(0, Number(maxCount));
    return (async function* () {
      for (const r of page) yield { event: r.event };
    })();
  }

  subscribeToAll(options: SubscribeToAllOptions = {}) {
    const { fromPosition = KURRENT_START, filter } = options;
    const log = this.log;
    const wakers = this.wakers;
    let closed = false;
    let wake: (() => void) | undefined;
    const events = (async function* () {
      let next = startIndex(log, fromPosition);
      while (!closed) {
        if (next < log.length) {
          const record = log[next++];
          if (matches(filter, record)) yield { event: record.event };
          continue;
        }
        await new Promise<void>((resolve) => {
          wake = resolve;
          wakers.add(resolve);
        });
      }
    })();
    return Object.assign(events, {
      unsubscribe: async () => {
        this.unsubscribed += 1;
        closed = true;
        wake?.();
      },
    });
  }

  async dispose(): Promise<void> {
    this.disposed = true;
  }

  private stream(streamName: string): LogRecord[] {
    return this.log.filter((r) => r.streamId === streamName);
  }

  private store(streamId: string, e: EventData, revision: bigint): void {
    const position = { commit: this.nextLogPosition, prepare: this.nextLogPosition };
    this.nextLogPosition += 100n;
    this.log.push({
      streamId,
      event: {
        streamId,
        id: e.id,
        isJson: true,
        revision,
        type: e.type,
        created: new Date(Date.UTC(2024, 0, 1) + this.log.length * 1_000),
        // stored as JSON, as the server does
        data: JSON.parse(JSON.stringify(e.data)),
        metadata: e.metadata === undefined ? undefined : JSON.parse(JSON.stringify(e.metadata)),
        position,
      },
    });
    for (const wakeUp of this.wakers) wakeUp();
    this.wakers.clear();
  }
}

function pos(record: LogRecord): Position {
  return positionFromKurrent(record.event.position);
}

function matches(filter: Filter | undefined, { event }: LogRecord): boolean {
  if (!filter) return true;
  const subject = filter.filterOn === 'streamName' ? event.streamId : event.type;
  return 'prefixes' in filter
    ? filter.prefixes.some((p) => subject.startsWith(p))
    : new RegExp(filter.regex).test(subject);
}

/** Subscriptions are exclusive of their start position. */
function startIndex(log: readonly LogRecord[], from: ReadPosition): number {
  if (from === KURRENT_START) return 0;
  if (from === END) return log.length;
  const after = positionFromKurrent(from);
  const index = log.findIndex((r) => pos(r) > after);
  return index === -1 ? log.length : index;
}

// ---- the adapter against the fake ----------------------------------------------------------

describe('KurrentDbEventStore (fake client)', () => {
  let client: FakeKurrentDbClient;
  let store: KurrentDbEventStore;

  beforeEach(() => {
    client = new FakeKurrentDbClient();
    store = new KurrentDbEventStore(client);
  });

  describe('append', () => {
    it('appends one chunk with the mapped stream state and returns version and position', async () => {
      const result = await store.append('incident-1', [anEvent(), anEvent()], {
        expectedVersion: 'no_stream',
      });
      expect(client.appendCalls).toEqual([
        { streamName: 'incident-1', count: 2, streamState: NO_STREAM },
      ]);
      expect(result).toEqual({ nextVersion: 2, position: pos(client.log[1]) });

      const next = await store.append('incident-1', [anEvent()], { expectedVersion: 2 });
      expect(client.appendCalls[1].streamState).toBe(1n);
      expect(next.nextVersion).toBe(3);
    });

    it('chunks a large append: the first chunk expects the caller’s state, each later one the previous revision', async () => {
      await store.append('incident-1', [anEvent(), anEvent(), anEvent()], { expectedVersion: 0 });
      const events = Array.from({ length: 3_000 }, () => eventOfSize(1_000));

      const result = await store.append('incident-1', events, { expectedVersion: 3 });

      const chunkCalls = client.appendCalls.slice(1);
      expect(chunkCalls.length).toBeGreaterThan(1);
      let revision = 2n; // 3 events stored before
      for (const call of chunkCalls) {
        expect(call.streamState).toBe(revision);
        revision += BigInt(call.count);
      }
      expect(chunkCalls.reduce((n, c) => n + c.count, 0)).toBe(3_000);
      expect(result.nextVersion).toBe(3_003);
      expect(result.position).toBe(pos(client.log[client.log.length - 1]));

      const read = await collect(store.readStream('incident-1', { fromVersion: 4 }));
      expect(read.map((e) => e.eventId)).toEqual(events.map((e) => e.eventId));
      expect(read.map((e) => e.streamVersion)).toEqual(events.map((_, i) => i + 4));
    });

    it('maps WrongExpectedVersionError to WrongExpectedVersion with the actual version', async () => {
      await store.append('incident-1', [anEvent(), anEvent()], { expectedVersion: 'no_stream' });

      await expect(store.append('incident-1', [anEvent()], { expectedVersion: 5 })).rejects.toEqual(
        new WrongExpectedVersion('incident-1', 5, 2),
      );
      await expect(
        store.append('incident-1', [anEvent()], { expectedVersion: 'no_stream' }),
      ).rejects.toMatchObject({
        name: 'WrongExpectedVersion',
        expected: 'no_stream',
        actual: 2,
      });
      // a missing stream is version 0
      await expect(
        store.append('incident-2', [anEvent()], { expectedVersion: 3 }),
      ).rejects.toMatchObject({ actual: 0 });
      await expect(
        store.append('incident-2', [anEvent()], { expectedVersion: 'stream_exists' }),
      ).rejects.toMatchObject({
        expected: 'stream_exists',
        actual: 0,
      });
      const error = await store
        .append('incident-2', [anEvent()], { expectedVersion: 1 })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WrongExpectedVersion);
    });

    it('reports a conflict on a later chunk against what the earlier chunks left', async () => {
      const events = Array.from({ length: 5_000 }, () => anEvent({ data: {}, metadata: {} }));
      client.beforeAppend = (call) => {
        if (call === 2) {
          client.beforeAppend = undefined;
          void client.appendToStream('incident-1', [newEventToEventData(anEvent())]); // a concurrent writer
        }
      };
      await expect(
        store.append('incident-1', events, { expectedVersion: 'no_stream' }),
      ).rejects.toMatchObject({
        expected: 4_095,
        actual: 4_096,
      });
      // not atomic across chunks: the first chunk stayed
      expect(client.log.filter((r) => r.streamId === 'incident-1')).toHaveLength(4_096);
    });

    it('makes a retried append idempotent, returning the first result', async () => {
      const events = Array.from({ length: 5_000 }, () => anEvent({ data: {}, metadata: {} }));
      const first = await store.append('incident-1', events, { expectedVersion: 'no_stream' });
      await store.append('incident-1', [anEvent()], { expectedVersion: 'any' }); // someone else, later
      const retried = await store.append('incident-1', events, { expectedVersion: 'no_stream' });
      expect(retried).toEqual(first); // position read back: the fake reports none on an idempotent write
      expect(client.log.filter((r) => r.streamId === 'incident-1')).toHaveLength(5_001);
    });

    it('refuses an empty append and an oversized event before writing anything', async () => {
      await expect(store.append('incident-1', [], { expectedVersion: 'any' })).rejects.toThrow(
        RangeError,
      );
      const big = eventOfSize(2 * 1_048_576);
      await expect(
        store.append('incident-1', [anEvent(), big], { expectedVersion: 'any' }),
      ).rejects.toThrow(new RegExp(`event ${big.eventId}`));
      expect(client.appendCalls).toEqual([]);
    });
  });

  describe('appendToStreams', () => {
    const batchEvent = () => anEvent({ metadata: { workspaceId: 'ws-1', actorId: 'user-1' } });

    it('appends to several streams in one call; results in order, positions read back', async () => {
      await store.append('person-1', [batchEvent()], { expectedVersion: 'no_stream' });
      const [a, b, c] = [batchEvent(), anEvent({ schemaVersion: 2, metadata: {} }), batchEvent()];
      const results = await store.appendToStreams([
        { streamId: 'incident-1', events: [a, b], expectedVersion: 'no_stream' },
        { streamId: 'person-1', events: [c], expectedVersion: 1 },
      ]);
      expect(client.multiAppendCalls).toEqual([
        [
          { streamName: 'incident-1', expectedState: NO_STREAM },
          { streamName: 'person-1', expectedState: 0n },
        ],
      ]);
      const read = await collect(store.readStream('incident-1'));
      expect(read.map((e) => [e.eventId, e.schemaVersion])).toEqual([
        [a.eventId, 1],
        [b.eventId, 2],
      ]);
      expect(read[0].metadata).toEqual({
        workspaceId: 'ws-1',
        actorId: 'user-1',
        recordedAt: read[0].recordedAt,
      });
      const personTail = (await collect(store.readStream('person-1'))).at(-1)!;
      expect(results).toEqual([
        { nextVersion: 2, position: read[1].position, replayed: false },
        { nextVersion: 2, position: personTail.position, replayed: false },
      ]);
      expect(results[0].position < results[1].position).toBe(true);
    });

    it('writes nothing when one stream conflicts, and names that stream', async () => {
      await store.append('incident-2', [batchEvent(), batchEvent()], {
        expectedVersion: 'no_stream',
      });
      const before = client.log.length;
      await expect(
        store.appendToStreams([
          { streamId: 'incident-1', events: [batchEvent()], expectedVersion: 'no_stream' },
          { streamId: 'incident-2', events: [batchEvent()], expectedVersion: 'no_stream' },
        ]),
      ).rejects.toEqual(new WrongExpectedVersion('incident-2', 'no_stream', 2));
      expect(client.log).toHaveLength(before);
    });

    it('answers a retried batch with the first results, in one more round, writing nothing', async () => {
      const appends = ['incident-1', 'incident-2', 'incident-3'].map((streamId) => ({
        streamId,
        events: [batchEvent()],
        expectedVersion: 'no_stream' as const,
      }));
      const first = await store.appendToStreams(appends);
      const before = client.log.length;
      client.multiAppendCalls.length = 0;

      expect(await store.appendToStreams(appends)).toEqual(
        first.map((r) => ({ ...r, replayed: true })),
      );
      expect(client.log).toHaveLength(before);
      expect(client.multiAppendCalls).toHaveLength(1);
    });

    it('writes the new appends of a batch whose others are stored already', async () => {
      const stored = { streamId: 'incident-1', events: [batchEvent()], expectedVersion: 0 };
      const [first] = await store.appendToStreams([stored]);
      const fresh = { streamId: 'incident-2', events: [batchEvent()], expectedVersion: 0 };

      const results = await store.appendToStreams([fresh, stored]);

      expect(results[1]).toEqual({ ...first, replayed: true });
      expect(results[0]).toMatchObject({ nextVersion: 1, replayed: false });
      expect(results[0].position > first.position).toBe(true);
      expect(client.log.filter((r) => r.streamId === 'incident-1')).toHaveLength(1);
      expect(client.multiAppendCalls.at(-1)).toEqual([
        { streamName: 'incident-2', expectedState: NO_STREAM },
      ]);
    });

    it('refuses before writing: no events, a stream twice, non-string metadata; [] for none', async () => {
      const e = batchEvent();
      await expect(
        store.appendToStreams([{ streamId: 'incident-1', events: [], expectedVersion: 'any' }]),
      ).rejects.toThrow(RangeError);
      await expect(
        store.appendToStreams([
          { streamId: 'incident-1', events: [e], expectedVersion: 'any' },
          { streamId: 'incident-1', events: [batchEvent()], expectedVersion: 'any' },
        ]),
      ).rejects.toThrow(/twice/);
      await expect(
        store.appendToStreams([
          {
            streamId: 'incident-1',
            events: [anEvent({ metadata: { retries: 1 } })],
            expectedVersion: 'any',
          },
        ]),
      ).rejects.toThrow(/"retries" is not a string/);
      expect(await store.appendToStreams([])).toEqual([]);
      expect(client.multiAppendCalls).toEqual([]);
    });
  });

  describe('readStream', () => {
    it('yields nothing for a missing stream (StreamNotFoundError during iteration)', async () => {
      expect(await collect(store.readStream('incident-missing'))).toEqual([]);
    });

    it('maps fromVersion to fromRevision and honours maxCount', async () => {
      const events = [anEvent(), anEvent({ schemaVersion: 2 }), anEvent()];
      await store.append('incident-1', events, { expectedVersion: 'no_stream' });

      const all = await collect(store.readStream('incident-1'));
      expect(all.map((e) => e.streamVersion)).toEqual([1, 2, 3]);
      expect(all[1]).toMatchObject({
        eventId: events[1].eventId,
        schemaVersion: 2,
        metadata: events[1].metadata,
      });
      expect(all.map((e) => e.position)).toEqual(client.log.map(pos));

      const fromTwo = await collect(
        store.readStream('incident-1', { fromVersion: 2, maxCount: 1 }),
      );
      expect(fromTwo.map((e) => e.eventId)).toEqual([events[1].eventId]);
    });
  });

  describe('readAll', () => {
    it('pages with maxCount, skips the repeated event at each page start, and keeps order', async () => {
      const total = 2 * READ_ALL_PAGE_SIZE + 500;
      for (let i = 0; i < total; i += 500) {
        await store.append(
          `incident-${i}`,
          Array.from({ length: 500 }, () => anEvent({ data: {} })),
          {
            expectedVersion: 'no_stream',
          },
        );
      }
      const read = await collect(store.readAll());
      expect(read).toHaveLength(total);
      expect(new Set(read.map((e) => e.eventId)).size).toBe(total);
      expect(read.map((e) => e.position)).toEqual(client.log.map(pos));
      expect(client.readAllCalls.length).toBeGreaterThan(2);
      for (const call of client.readAllCalls) expect(call.maxCount).toBe(READ_ALL_PAGE_SIZE);
      // every page after the first starts at the last event seen
      expect(client.readAllCalls[1].fromPosition).toEqual(
        positionToKurrent(read[READ_ALL_PAGE_SIZE - 1].position),
      );
    });

    it('reads after `from` (exclusive), honours maxCount, and skips system events', async () => {
      await store.append('incident-1', [anEvent(), anEvent()], { expectedVersion: 'no_stream' });
      client.appendSystemEvent();
      await store.append('source-1', [anEvent(), anEvent()], { expectedVersion: 'no_stream' });

      const all = await collect(store.readAll());
      expect(all.map((e) => e.streamId)).toEqual([
        'incident-1',
        'incident-1',
        'source-1',
        'source-1',
      ]);
      const after = await collect(store.readAll({ from: all[0].position }));
      expect(after.map((e) => e.eventId)).toEqual(all.slice(1).map((e) => e.eventId));
      expect(await collect(store.readAll({ from: all[0].position, maxCount: 2 }))).toEqual(
        all.slice(1, 3),
      );
    });

    it('filters by category on the server and again client-side', async () => {
      await store.append('incident-1', [anEvent()], { expectedVersion: 'no_stream' });
      await store.append('incidentnote-1', [anEvent()], { expectedVersion: 'no_stream' });
      await store.append('source-1', [anEvent()], { expectedVersion: 'no_stream' });

      const read = await collect(store.readAll({ categories: ['incident'] }));
      expect(read.map((e) => e.streamId)).toEqual(['incident-1']);
      expect(client.readAllCalls[0].filter).toMatchObject({
        filterOn: 'streamName',
        prefixes: ['incident-'],
      });

      client.ignoreFilters = true; // a server that did not apply the filter
      expect(
        (await collect(store.readAll({ categories: ['incident'] }))).map((e) => e.streamId),
      ).toEqual(['incident-1']);
    });

    it('reads nothing for an empty category list', async () => {
      await store.append('incident-1', [anEvent()], { expectedVersion: 'no_stream' });
      expect(await collect(store.readAll({ categories: [] }))).toEqual([]);
    });
  });

  describe('subscribe', () => {
    it('catches up after `from` (exclusive), goes live, and ends on abort', async () => {
      await store.append('incident-1', [anEvent(), anEvent()], { expectedVersion: 'no_stream' });
      const [first] = await collect(store.readAll({ maxCount: 1 }));
      const controller = new AbortController();
      const seen: RecordedEvent[] = [];

      const consuming = (async () => {
        for await (const event of store.subscribe({
          from: first.position,
          signal: controller.signal,
        })) {
          seen.push(event);
          if (seen.length === 1) {
            client.appendSystemEvent();
            await store.append('incident-1', [anEvent()], { expectedVersion: 2 });
          }
          if (seen.length === 2) controller.abort();
        }
      })();
      await consuming;

      expect(seen.map((e) => e.streamVersion)).toEqual([2, 3]);
      expect(client.unsubscribed).toBeGreaterThan(0);
    });

    it('ends when aborted while waiting for a live event', async () => {
      const controller = new AbortController();
      const done = collect(store.subscribe({ signal: controller.signal }));
      await new Promise((resolve) => setImmediate(resolve));
      controller.abort();
      await expect(done).resolves.toEqual([]);
    });

    it('unsubscribes when the consumer breaks, and applies categories', async () => {
      await store.append('source-1', [anEvent()], { expectedVersion: 'no_stream' });
      await store.append('incident-1', [anEvent()], { expectedVersion: 'no_stream' });
      for await (const event of store.subscribe({ categories: ['incident'] })) {
        expect(event.streamId).toBe('incident-1');
        break;
      }
      expect(client.unsubscribed).toBe(1);
    });

    it('yields nothing for an already aborted signal', async () => {
      await store.append('incident-1', [anEvent()], { expectedVersion: 'no_stream' });
      expect(await collect(store.subscribe({ signal: AbortSignal.abort() }))).toEqual([]);
    });
  });

  describe('headPosition, ping, close', () => {
    it('is START when empty, then the newest non-system event', async () => {
      expect(await store.headPosition()).toBe(START);
      const { position } = await store.append('incident-1', [anEvent()], {
        expectedVersion: 'no_stream',
      });
      client.appendSystemEvent();
      expect(await store.headPosition()).toBe(position);
      expect(client.readAllCalls.at(-1)).toMatchObject({
        direction: BACKWARDS,
        fromPosition: END,
        maxCount: 1,
      });
    });

    it('pings with a one-event read and closes by disposing the client', async () => {
      await expect(store.ping()).resolves.toBeUndefined();
      expect(client.readAllCalls.at(-1)).toMatchObject({ maxCount: 1 });
      await store.close();
      expect(client.disposed).toBe(true);
    });
  });
});
