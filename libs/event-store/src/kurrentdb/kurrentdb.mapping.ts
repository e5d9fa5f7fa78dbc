import {
  ANY,
  NO_STREAM,
  START as KURRENT_START,
  STREAM_EXISTS,
  jsonEvent,
  streamNameFilter,
  type AppendStreamRequest,
  type AppendStreamState,
  type CurrentStreamState,
  type JSONEventData,
  type JSONType,
  type Position as KurrentPosition,
  type PrefixesFilter,
  type ReadPosition,
  type RecordedEvent as KurrentRecordedEvent,
} from '@kurrent/kurrentdb-client';
import {
  streamCategory,
  type EventMetadata,
  type ExpectedVersion,
  type NewEvent,
  type RecordedEvent,
  type StreamAppend,
  type StreamAppendResult,
} from '../event-store.port';
import { START, decodePosition, encodePosition, type Position } from '../position';

/**
 * KurrentDB's default `MaxAppendSize`: the server refuses an append request larger than this
 * ("Maximum Append Size of 1048576 Exceeded"); operators can raise it up to 16 MiB.
 */
export const MAX_APPEND_BYTES = 1_048_576;

/** The old TCP API's limit per write; we keep it so a chunk never surprises an older server. */
export const MAX_EVENTS_PER_APPEND = 4_095;

/**
 * Bytes counted per event on top of its data, metadata, type and id. The server's
 * `MaxAppendSize` check counts data + metadata (+ type since KurrentDB PR #4882); the request
 * on the wire also carries, per event, protobuf tags and length prefixes plus the `type` and
 * `content-type: application/json` entries, about 90 bytes. 128 bytes covers that with margin
 * while still letting 4,095 small events (about 200 bytes each with the overhead) share a chunk.
 */
export const EVENT_OVERHEAD_BYTES = 128;

/** Events per `readAll` page: the client buffers a whole read without `maxCount` (issue #169). */
export const READ_ALL_PAGE_SIZE = 1_000;

const SCHEMA_VERSION_KEY = 'schemaVersion';

// ---- versions ------------------------------------------------------------------------------

/** Our 1-based version (the number of events) of the event at a 0-based KurrentDB revision. */
export function revisionToVersion(revision: bigint): number {
  if (revision < 0n || revision >= BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new RangeError(`stream revision out of range: ${revision}`);
  }
  return Number(revision) + 1;
}

/** The 0-based revision of the event at our 1-based version. */
export function versionToRevision(version: number): bigint {
  if (!Number.isSafeInteger(version) || version < 1) {
    throw new RangeError(`stream version must be a positive integer, got ${version}`);
  }
  return BigInt(version - 1);
}

/** Our expectation → the `streamState` option of `appendToStream`. */
export function expectedVersionToStreamState(expected: ExpectedVersion): AppendStreamState {
  switch (expected) {
    case 'no_stream':
      return NO_STREAM;
    case 'stream_exists':
      return STREAM_EXISTS;
    case 'any':
      return ANY;
  }
  if (!Number.isSafeInteger(expected) || expected < 0) {
    throw new RangeError(`expected version must be a non-negative integer, got ${expected}`);
  }
  // 0 events and "no stream" are the same state for us.
  return expected === 0 ? NO_STREAM : versionToRevision(expected);
}

/** A KurrentDB stream state (as `WrongExpectedVersionError.expectedState` reports it) → ours. */
export function streamStateToExpectedVersion(state: AppendStreamState): ExpectedVersion {
  switch (state) {
    case NO_STREAM:
      return 'no_stream';
    case STREAM_EXISTS:
      return 'stream_exists';
    case ANY:
      return 'any';
  }
  // The gRPC-metadata form of the error carries the legacy numbers: -1 no stream, -2 any,
  // -4 stream exists.
  if (state === -1n) return 'no_stream';
  if (state === -2n) return 'any';
  if (state === -4n) return 'stream_exists';
  return revisionToVersion(state);
}

/**
 * A stream's current state (`WrongExpectedVersionError.actualState`) → our version, the
 * number of events: a missing stream is 0. Negative revisions are the legacy codes for a
 * missing (-1), deleted (-5) or tombstoned (-6) stream: none has readable events, so 0.
 */
export function currentStateToVersion(state: CurrentStreamState): number {
  if (state === NO_STREAM || state < 0n) return 0;
  return revisionToVersion(state);
}

/** `AppendResult.nextExpectedRevision` (the last event's revision) → our `nextVersion`. */
export function nextExpectedRevisionToVersion(nextExpectedRevision: bigint): number {
  return revisionToVersion(nextExpectedRevision);
}

// ---- positions -----------------------------------------------------------------------------

/** `{ commit, prepare }` → our fixed-width string; commit first, so string order is log order. */
export function positionFromKurrent(position: KurrentPosition): Position {
  return encodePosition(position.commit, position.prepare);
}

/** Our position → the client's `fromPosition` (our START is KurrentDB's START). */
export function positionToKurrent(position: Position): ReadPosition {
  if (position === START) return KURRENT_START;
  const [commit, prepare] = decodePosition(position, 2);
  return { commit, prepare };
}

// ---- events --------------------------------------------------------------------------------

/**
 * Our event → `jsonEvent` arguments. The event id is KurrentDB's idempotency key; the schema
 * version travels in the metadata (KurrentDB has no field for it). `recordedAt` is dropped:
 * the store sets it (the server's `created`), never the caller.
 */
export function newEventToEventData(event: NewEvent): JSONEventData {
  const { recordedAt: _ignored, ...metadata } = event.metadata ?? {};
  return jsonEvent({
    id: event.eventId,
    type: event.type,
    // The client types JSON data as object | array | string, but it JSON.stringify-s any value.
    data: event.data as JSONType,
    metadata: { ...metadata, [SCHEMA_VERSION_KEY]: event.schemaVersion ?? 1 },
  });
}

/**
 * One append of `appendToStreams` → a `multiStreamAppend` request. That call sends metadata
 * as a map of strings (the client refuses anything else), so the schema version travels as
 * its decimal text and any other non-string value is refused before anything is written.
 */
export function streamAppendToRequest(append: StreamAppend): AppendStreamRequest {
  return {
    streamName: append.streamId,
    expectedState: expectedVersionToStreamState(append.expectedVersion),
    events: append.events.map((event) => {
      const data = newEventToEventData(event);
      const metadata: Record<string, string> = {};
      for (const [key, value] of Object.entries(data.metadata as Record<string, unknown>)) {
        if (value === undefined) continue;
        if (key === SCHEMA_VERSION_KEY) metadata[key] = String(value);
        else if (typeof value === 'string') metadata[key] = value;
        else {
          throw new RangeError(
            `event ${event.eventId}: metadata "${key}" is not a string, which KurrentDB's multiStreamAppend cannot store`,
          );
        }
      }
      return { ...data, metadata };
    }),
  };
}

/**
 * Where a stream already holds an append's events, consecutively, as a retry finds them: right
 * after the expected version, or (for `any` and `stream_exists`) wherever the first one is.
 * The first result of that append (replayed), or undefined if its events are not all there.
 */
export function storedAppendResult(
  stream: readonly Pick<RecordedEvent, 'eventId' | 'streamVersion' | 'position'>[],
  { events, expectedVersion }: Pick<StreamAppend, 'events' | 'expectedVersion'>,
): StreamAppendResult | undefined {
  const start =
    expectedVersion === 'no_stream'
      ? 0
      : typeof expectedVersion === 'number'
        ? stream.findIndex((e) => e.streamVersion === expectedVersion + 1)
        : stream.findIndex((e) => e.eventId === events[0].eventId);
  if (start < 0) return undefined;
  const stored = stream.slice(start, start + events.length);
  if (stored.length !== events.length || stored.some((e, i) => e.eventId !== events[i].eventId)) {
    return undefined;
  }
  const last = stored[stored.length - 1];
  return { nextVersion: last.streamVersion, position: last.position, replayed: true };
}

/** A recorded KurrentDB event (a resolved event's `event`) → ours. */
export function recordedEventFromKurrent(event: KurrentRecordedEvent): RecordedEvent {
  if (!event.position) {
    // Stream reads carry positions only from server 22.6 on (the client's RecordedEvent docs).
    throw new Error(
      `KurrentDB returned event ${event.id} without a position: server 22.6 or later is required`,
    );
  }
  const { [SCHEMA_VERSION_KEY]: schemaVersion, ...metadata } = metadataObject(event.metadata);
  const recordedAt = event.created.toISOString();
  return {
    eventId: event.id,
    type: event.type,
    schemaVersion: schemaVersionOf(schemaVersion),
    data: event.data,
    // As in every adapter, the store's own write time: never what the caller sent.
    metadata: { ...metadata, recordedAt } as EventMetadata,
    streamId: event.streamId,
    streamVersion: revisionToVersion(event.revision),
    position: positionFromKurrent(event.position),
    recordedAt,
  };
}

/** A number from `append`, its decimal text from `appendToStreams`; 1 when absent. */
function schemaVersionOf(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
  return 1;
}

/** Metadata we wrote is a JSON object; anything else (binary, empty, foreign) reads as `{}`. */
function metadataObject(metadata: unknown): Record<string, unknown> {
  return typeof metadata === 'object' &&
    metadata !== null &&
    !Array.isArray(metadata) &&
    !(metadata instanceof Uint8Array)
    ? (metadata as Record<string, unknown>)
    : {};
}

/** KurrentDB's own events (`$metadata`, `$>` links, `$statsCollected`, ...) are not ours. */
export function isSystemEvent(event: Pick<KurrentRecordedEvent, 'type' | 'streamId'>): boolean {
  return event.type.startsWith('$') || event.streamId.startsWith('$');
}

// ---- categories ----------------------------------------------------------------------------

/**
 * Categories → a server-side stream-name filter on `<category>-`. None for `undefined` (all
 * events) and for `[]`, which asks for no category at all: a prefix filter cannot say
 * "nothing", so `inCategories` does.
 */
export function categoryFilter(
  categories: readonly string[] | undefined,
): PrefixesFilter | undefined {
  if (!categories?.length) return undefined;
  return streamNameFilter({ prefixes: categories.map((c) => `${c}-`) });
}

/**
 * The category test client-side: the server filter is a prefix match, ours is the exact
 * category. `undefined` admits every stream, `[]` none (as in the port's contract suite).
 */
export function inCategories(streamId: string, categories: readonly string[] | undefined): boolean {
  return categories === undefined || categories.includes(streamCategory(streamId));
}

// ---- chunking ------------------------------------------------------------------------------

/** What an event costs against the append budget; see `EVENT_OVERHEAD_BYTES`. */
export function eventByteSize(event: JSONEventData): number {
  return (
    Buffer.byteLength(JSON.stringify(event.data) ?? '') +
    Buffer.byteLength(JSON.stringify(event.metadata) ?? '') +
    Buffer.byteLength(event.type) +
    Buffer.byteLength(event.id) +
    EVENT_OVERHEAD_BYTES
  );
}

export interface ChunkLimits {
  maxBytes?: number;
  maxEvents?: number;
}

/**
 * Splits an append into consecutive chunks in order, each at most `maxBytes` (by
 * `eventByteSize`) and `maxEvents`. An event that alone exceeds `maxBytes` cannot be stored
 * by a server with that limit, so it is refused before anything is written.
 */
export function chunkEvents(
  events: readonly JSONEventData[],
  { maxBytes = MAX_APPEND_BYTES, maxEvents = MAX_EVENTS_PER_APPEND }: ChunkLimits = {},
): JSONEventData[][] {
  const chunks: JSONEventData[][] = [];
  let chunk: JSONEventData[] = [];
  let bytes = 0;
  for (const event of events) {
    const size = eventByteSize(event);
    if (size > maxBytes) {
      throw new RangeError(
        `event ${event.id} (${event.type}) is ${size} bytes, over the ${maxBytes}-byte KurrentDB append limit`,
      );
    }
    if (chunk.length > 0 && (bytes + size > maxBytes || chunk.length >= maxEvents)) {
      chunks.push(chunk);
      chunk = [];
      bytes = 0;
    }
    chunk.push(event);
    bytes += size;
  }
  if (chunk.length > 0) chunks.push(chunk);
  return chunks;
}
