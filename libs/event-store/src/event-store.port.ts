import { Position } from './position';

/** Who caused an event and why; every event carries it (docs/architecture.md, "A command"). */
export interface EventMetadata {
  workspaceId?: string;
  actorId?: string;
  correlationId?: string;
  causationId?: string;
  /** Set by the store when the event is written; never taken from the caller. */
  recordedAt?: string;
  [key: string]: unknown;
}

/** An event as the application hands it to the store. */
export interface NewEvent<TData = unknown> {
  /** UUID; the idempotency key. */
  eventId: string;
  /** A stable name such as `IncidentReported`, never a class name. */
  type: string;
  schemaVersion?: number;
  data: TData;
  metadata?: EventMetadata;
}

/** An event as the store gives it back. */
export interface RecordedEvent<TData = unknown> {
  eventId: string;
  type: string;
  schemaVersion: number;
  data: TData;
  metadata: EventMetadata;
  streamId: string;
  /** 1-based version of this event in its stream. */
  streamVersion: number;
  /** Global, opaque, totally ordered position (see `position.ts`). */
  position: Position;
  recordedAt: string;
}

/**
 * What the writer believes about the stream before the append:
 * `no_stream` (it must not exist), `stream_exists`, `any` (no check), or the exact current
 * version (the number of events in the stream; 0 is the same as `no_stream`).
 */
export type ExpectedVersion = number | 'no_stream' | 'stream_exists' | 'any';

export interface AppendOptions {
  expectedVersion: ExpectedVersion;
}

export interface AppendResult {
  /** The stream's version after the append: the version to expect on the next one. */
  nextVersion: number;
  /** Position of the last event of this append. */
  position: Position;
}

/** One append's result in `appendToStreams`. */
export interface StreamAppendResult extends AppendResult {
  /** The stream held these events already, so nothing was written: the first result. */
  replayed: boolean;
}

/** One stream's part of `appendToStreams`. */
export interface StreamAppend {
  streamId: string;
  events: readonly NewEvent[];
  expectedVersion: ExpectedVersion;
}

export interface ReadStreamOptions {
  /** First version to read (1-based, inclusive); default 1. */
  fromVersion?: number;
  maxCount?: number;
}

export interface ReadAllOptions {
  /** Read events after this position (exclusive); default: from the start. */
  from?: Position;
  maxCount?: number;
  /** Stream categories (the prefix before the first `-`), e.g. `['incident']`. */
  categories?: readonly string[];
}

export interface SubscribeOptions {
  from?: Position;
  categories?: readonly string[];
  /** Stops the subscription; the iterator then ends. Breaking out of `for await` does too. */
  signal?: AbortSignal;
}

/**
 * The event-store port. Shaped like KurrentDB so its adapter stays a thin mapping; the
 * PostgreSQL adapter serves both a server and embedded PGlite. Every adapter passes
 * `event-store.contract.ts`.
 */
/** Appends whose transaction is still open: readers wait for the oldest of them. */
export interface AppendsInFlight {
  count: number;
  /** How long the oldest has been open, in seconds; null when none is. */
  oldestSeconds: number | null;
}

export interface EventStore {
  /**
   * Appends atomically with an optimistic concurrency check; throws `WrongExpectedVersion`
   * on a mismatch. Events whose `eventId` is already stored in this stream are not written
   * again: a retry of a whole append returns the first result.
   */
  append(
    streamId: string,
    events: readonly NewEvent[],
    options: AppendOptions,
  ): Promise<AppendResult>;

  /**
   * Appends to several streams in one atomic write: all or nothing. Each stream is checked and
   * deduplicated as `append` does it: a mismatch throws `WrongExpectedVersion` naming that
   * stream and nothing of the batch is written; an append whose events are already stored in
   * its stream writes nothing and returns its first result, so a retried batch returns the
   * first results, marked `replayed`. Results come in the order of `appends`, and the positions
   * of what one call writes increase in that order. A stream may appear once per call.
   */
  appendToStreams(appends: readonly StreamAppend[]): Promise<StreamAppendResult[]>;

  /** Events of one stream in version order; an absent stream yields nothing. */
  readStream(streamId: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent>;

  /** Every committed event in global order. */
  readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent>;

  /**
   * Catch-up then live: yields every event after `from` in `readAll` order, never one that
   * a slower transaction could still precede. The consumer's pace drives the reads.
   */
  subscribe(options?: SubscribeOptions): AsyncIterable<RecordedEvent>;

  /** The position of the newest event a reader may see now (the start if none). */
  headPosition(): Promise<Position>;

  /**
   * The position of the newest committed event, even one readers do not see yet because an
   * older transaction is still in flight (the start if none): no event has a later position,
   * so a position past it was made up (the API answers 400 rather than wait for it).
   */
  lastCommittedPosition(): Promise<Position>;

  /** Where the store can tell (not KurrentDB: its appends are never held open). */
  appendsInFlight?(): Promise<AppendsInFlight>;

  /** Resolves when the store answers; rejects with the reason otherwise (for /health). */
  ping(): Promise<void>;

  close(): Promise<void>;
}

export const EVENT_STORE = Symbol('EventStore');

/** The category of a stream: the prefix before its first `-` (`incident-<uuid>` → `incident`). */
export function streamCategory(streamId: string): string {
  const dash = streamId.indexOf('-');
  return dash === -1 ? streamId : streamId.slice(0, dash);
}

/** What every adapter refuses before writing: an append without events, a stream twice. */
export function checkStreamAppends(appends: readonly StreamAppend[]): void {
  const seen = new Set<string>();
  for (const { streamId, events } of appends) {
    if (events.length === 0) throw new RangeError(`append to ${streamId}: no events`);
    if (seen.has(streamId)) throw new RangeError(`appendToStreams: stream ${streamId} twice`);
    seen.add(streamId);
  }
}
