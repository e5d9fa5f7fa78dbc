import {
  BACKWARDS,
  END,
  KurrentDBClient,
  StreamNotFoundError,
  WrongExpectedVersionError,
  excludeSystemEvents,
  type AllStreamResolvedEvent,
  type AppendResult as KurrentAppendResult,
  type AppendStreamRequest,
  type AppendStreamState,
  type AppendToStreamOptions,
  type EventData,
  type MultiAppendResult,
  type ReadAllOptions as KurrentReadAllOptions,
  type ReadStreamOptions as KurrentReadStreamOptions,
  type ResolvedEvent,
  type SubscribeToAllOptions,
} from '@kurrent/kurrentdb-client';
import { WrongExpectedVersion } from '../errors';
import {
  checkStreamAppends,
  type AppendOptions,
  type AppendResult,
  type EventStore,
  type ExpectedVersion,
  type NewEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type StreamAppend,
  type StreamAppendResult,
  type SubscribeOptions,
} from '../event-store.port';
import { START, type Position } from '../position';
import {
  READ_ALL_PAGE_SIZE,
  categoryFilter,
  chunkEvents,
  currentStateToVersion,
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
  versionToRevision,
} from './kurrentdb.mapping';

/**
 * The calls this adapter makes. `KurrentDBClient` satisfies it as is; naming them lets the unit
 * tests drive the adapter with a small fake instead of a server.
 */
export interface KurrentDbClientCalls {
  appendToStream(
    streamName: string,
    events: EventData[],
    options?: AppendToStreamOptions,
  ): Promise<KurrentAppendResult>;
  multiStreamAppend(requests: AppendStreamRequest[]): Promise<MultiAppendResult>;
  readStream(streamName: string, options?: KurrentReadStreamOptions): AsyncIterable<ResolvedEvent>;
  readAll(options?: KurrentReadAllOptions): AsyncIterable<AllStreamResolvedEvent>;
  subscribeToAll(options?: SubscribeToAllOptions): AsyncIterable<AllStreamResolvedEvent> & {
    unsubscribe(): Promise<void>;
  };
  dispose(): Promise<void>;
}

/**
 * The event-store port on KurrentDB (docs/contributing.md, "Add an event-store adapter"): a thin mapping,
 * see `kurrentdb.mapping.ts` and this folder's README.
 */
export class KurrentDbEventStore implements EventStore {
  constructor(private readonly client: KurrentDbClientCalls) {}

  /** e.g. `kurrentdb://localhost:2113?tls=false`; the client connects lazily on first call. */
  static connect(connectionString: string): KurrentDbEventStore {
    return new KurrentDbEventStore(KurrentDBClient.connectionString(connectionString));
  }

  /**
   * Appends in chunks that fit the server's append limit (`chunkEvents`). One chunk is atomic;
   * an append over the limit is NOT atomic across chunks: a failure can leave the first chunks
   * stored. Retrying the same append is safe: the first chunk again expects the caller's
   * version, and KurrentDB treats re-sent event ids at that revision as an idempotent write,
   * returning the original result, so each stored chunk is skipped and the rest written.
   */
  async append(
    streamId: string,
    events: readonly NewEvent[],
    options: AppendOptions,
  ): Promise<AppendResult> {
    if (events.length === 0) throw new RangeError(`append to ${streamId}: no events`);
    const chunks = chunkEvents(events.map(newEventToEventData));

    let expected: ExpectedVersion = options.expectedVersion;
    let streamState: AppendStreamState = expectedVersionToStreamState(expected);
    let result: KurrentAppendResult | undefined;
    for (const chunk of chunks) {
      try {
        result = await this.client.appendToStream(streamId, chunk, { streamState });
      } catch (error) {
        if (error instanceof WrongExpectedVersionError) {
          throw new WrongExpectedVersion(
            streamId,
            expected,
            currentStateToVersion(error.actualState),
          );
        }
        throw error;
      }
      if (!result.success) {
        // Only with `throwOnAppendFailure=false` in the connection string; the revision the
        // client then reports is unreliable (1.3.1 batch append), so ask the stream.
        throw new WrongExpectedVersion(streamId, expected, await this.streamVersion(streamId));
      }
      // Later chunks expect exactly what the previous one left.
      streamState = result.nextExpectedRevision;
      expected = nextExpectedRevisionToVersion(result.nextExpectedRevision);
    }
    // `chunkEvents` returns at least one chunk for a non-empty append. The server may report no
    // position (an idempotent re-write among others): the stored event's position is read back.
    const last = result!;
    return {
      nextVersion: nextExpectedRevisionToVersion(last.nextExpectedRevision),
      position: last.position
        ? positionFromKurrent(last.position)
        : await this.positionAt(streamId, last.nextExpectedRevision),
    };
  }

  /**
   * One `multiStreamAppend` (KurrentDB 25.1+), atomic on the server: not chunked, so a batch
   * over the server's transaction size limit is refused whole. A stream found in conflict that
   * already holds its append's events is a retry: that append, and every other one found stored
   * too, answers with its first result (replayed) and the rest is sent again. A server that
   * deduplicates a re-sent batch by itself answers success: those results read `replayed: false`. The response carries one
   * log position for the whole request, so each append's position is read back.
   */
  async appendToStreams(appends: readonly StreamAppend[]): Promise<StreamAppendResult[]> {
    checkStreamAppends(appends);
    const requests = appends.map(streamAppendToRequest);
    const results = new Array<StreamAppendResult>(appends.length);
    let pending = appends.map((_, i) => i);
    while (pending.length > 0) {
      let response: MultiAppendResult;
      try {
        response = await this.client.multiStreamAppend(pending.map((i) => requests[i]));
      } catch (error) {
        if (!(error instanceof WrongExpectedVersionError)) throw error;
        const refused = pending.find((i) => appends[i].streamId === error.streamName);
        if (refused === undefined) throw error;
        const stored = await this.storedAppend(appends[refused]);
        if (stored === undefined) {
          const { streamId, expectedVersion } = appends[refused];
          throw new WrongExpectedVersion(
            streamId,
            expectedVersion,
            currentStateToVersion(error.actualState),
          );
        }
        // Each round finds at least one append stored, so the loop ends.
        const found = await Promise.all(
          pending.map((i) => (i === refused ? stored : this.storedAppend(appends[i]))),
        );
        pending = pending.filter((i, k) => {
          if (found[k] === undefined) return true;
          results[i] = found[k];
          return false;
        });
        continue;
      }
      const revisions = new Map(response.responses.map((r) => [r.streamName, r.revision]));
      await Promise.all(
        pending.map(async (i) => {
          const { streamId } = appends[i];
          const revision = revisions.get(streamId);
          if (revision === undefined) {
            throw new Error(`KurrentDB multiStreamAppend answered no revision for ${streamId}`);
          }
          results[i] = {
            nextVersion: nextExpectedRevisionToVersion(revision),
            position: await this.positionAt(streamId, revision),
            replayed: false,
          };
        }),
      );
      pending = [];
    }
    return results;
  }

  /** The first result of an append whose events its stream already holds, if it does. */
  private async storedAppend(append: StreamAppend): Promise<StreamAppendResult | undefined> {
    const stream: RecordedEvent[] = [];
    for await (const event of this.readStream(append.streamId)) stream.push(event);
    return storedAppendResult(stream, append);
  }

  async *readStream(
    streamId: string,
    options: ReadStreamOptions = {},
  ): AsyncIterable<RecordedEvent> {
    const fromVersion = options.fromVersion ?? 1;
    if (options.maxCount !== undefined && options.maxCount <= 0) return;
    try {
      for await (const resolved of this.client.readStream(streamId, {
        fromRevision: versionToRevision(Math.max(fromVersion, 1)),
        ...(options.maxCount !== undefined && { maxCount: options.maxCount }),
      })) {
        if (resolved.event) yield recordedEventFromKurrent(resolved.event);
      }
    } catch (error) {
      // The client reports a missing stream by throwing during iteration, not at the call.
      if (error instanceof StreamNotFoundError) return;
      throw error;
    }
  }

  /**
   * Pages through $all with `maxCount` (a read without it is buffered whole: client issue
   * #169; and the native reader's iterator has no `return()`, so leaving a read early does not
   * cancel it on the server: a page bounds what is read for nothing). Reading forwards, the server includes the event AT `fromPosition` (the client's own
   * readAll "from position" test reads `maxCount: 1` from an event's position and gets that
   * event back), unlike subscriptions, which start after it; so every page skips positions at
   * or before the one it starts from.
   */
  async *readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    const { categories } = options;
    let remaining = options.maxCount ?? Number.POSITIVE_INFINITY;
    if (remaining <= 0 || categories?.length === 0) return;
    const filter = categoryFilter(categories) ?? excludeSystemEvents();
    let from: Position = options.from ?? START;

    for (;;) {
      const pageFrom = from;
      let received = 0;
      for await (const resolved of this.client.readAll({
        fromPosition: positionToKurrent(pageFrom),
        maxCount: READ_ALL_PAGE_SIZE,
        filter,
      })) {
        received += 1;
        const event = resolved.event;
        if (!event) continue;
        const position = positionFromKurrent(event.position);
        if (position <= pageFrom) continue;
        from = position;
        // The server filter already did this; the check guards against a filter it ignored.
        if (isSystemEvent(event) || !inCategories(event.streamId, categories)) continue;
        yield recordedEventFromKurrent(event);
        remaining -= 1;
        if (remaining === 0) return;
      }
      if (received < READ_ALL_PAGE_SIZE) return;
      if (from === pageFrom) {
        throw new Error(`KurrentDB readAll made no progress from position ${pageFrom}`);
      }
    }
  }

  /**
   * A catch-up subscription to $all; KurrentDB starts it AFTER `fromPosition` (exclusive) and
   * turns live by itself. `for await` over the client's stream applies back-pressure: the next
   * event is pulled when the consumer asks for it. Aborting `signal` or leaving the loop
   * unsubscribes.
   */
  async *subscribe(options: SubscribeOptions = {}): AsyncIterable<RecordedEvent> {
    const { categories, signal } = options;
    if (signal?.aborted) return;
    const from = options.from ?? START;
    const subscription = this.client.subscribeToAll({
      fromPosition: positionToKurrent(from),
      filter: categoryFilter(categories) ?? excludeSystemEvents(),
    });
    // The subscription may already be failing (the reason then surfaces from the loop).
    const unsubscribe = () => subscription.unsubscribe().catch(() => undefined);
    signal?.addEventListener('abort', unsubscribe, { once: true });
    try {
      for await (const resolved of subscription) {
        if (signal?.aborted) return;
        const event = resolved.event;
        if (!event || isSystemEvent(event) || !inCategories(event.streamId, categories)) continue;
        const recorded = recordedEventFromKurrent(event);
        if (recorded.position <= from) continue; // exclusive already; kept as a guard
        yield recorded;
      }
    } finally {
      signal?.removeEventListener('abort', unsubscribe);
      await unsubscribe();
    }
  }

  /** The newest non-system event's position: KurrentDB's own stats events keep arriving. */
  async headPosition(): Promise<Position> {
    for await (const resolved of this.client.readAll({
      direction: BACKWARDS,
      fromPosition: END,
      maxCount: 1,
      filter: excludeSystemEvents(),
    })) {
      if (resolved.event) return positionFromKurrent(resolved.event.position);
    }
    return START;
  }

  async ping(): Promise<void> {
    const read = this.client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1 });
    const iterator = read[Symbol.asyncIterator]();
    try {
      await iterator.next();
    } finally {
      await iterator.return?.();
    }
  }

  async close(): Promise<void> {
    await this.client.dispose();
  }

  /** The stream's version now: 0 if it does not exist. */
  private async streamVersion(streamId: string): Promise<number> {
    try {
      for await (const resolved of this.client.readStream(streamId, {
        direction: BACKWARDS,
        fromRevision: END,
        maxCount: 1,
      })) {
        if (resolved.event) return revisionToVersion(resolved.event.revision);
      }
    } catch (error) {
      if (!(error instanceof StreamNotFoundError)) throw error;
    }
    return 0;
  }

  /** The position of the event at `revision`, for a server that returned none on append. */
  private async positionAt(streamId: string, revision: bigint): Promise<Position> {
    for await (const resolved of this.client.readStream(streamId, {
      fromRevision: revision,
      maxCount: 1,
    })) {
      if (resolved.event) return recordedEventFromKurrent(resolved.event).position;
    }
    throw new Error(`stream ${streamId}: event at revision ${revision} not found after append`);
  }
}
