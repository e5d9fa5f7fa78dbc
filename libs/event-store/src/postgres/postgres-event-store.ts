import { migrate, SqlClient } from '@app/database';
import { abortableSleep } from '../abortable-sleep';
import { DuplicateEventId, WrongExpectedVersion } from '../errors';
import {
  AppendOptions,
  AppendsInFlight,
  AppendResult,
  checkStreamAppends,
  EventMetadata,
  EventStore,
  ExpectedVersion,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  StreamAppend,
  StreamAppendResult,
  SubscribeOptions,
} from '../event-store.port';
import { decodePosition, encodePosition, Position, START } from '../position';
import { eventStoreSchema } from './0001-event-store.migration';
import { appendManySchema } from './0002-append-many.migration';
import { writerHorizonSchema } from './0003-writer-horizon.migration';
import { writerScopeSchema } from './0004-writer-scope.migration';

export interface PostgresEventStoreOptions {
  /** Events fetched per query by readAll, readStream and subscribe. */
  pageSize?: number;
  /** How long a caught-up subscription waits before it polls again. */
  pollIntervalMs?: number;
}

interface EventRow {
  gp: string;
  tx: string;
  stream_id: string;
  stream_version: string;
  event_id: string;
  event_type: string;
  schema_version: number;
  data: unknown;
  metadata: EventMetadata;
  recorded_at: string;
}

/** A read horizon (an xid8 as text), kept while it still bounds full pages. */
interface Horizon {
  value?: string;
}

interface AppendRow {
  outcome: 'ok' | 'duplicate' | 'duplicate_conflict' | 'conflict';
  version: string | null;
  tx: string | null;
  gp: string | null;
}

// int8, xid8 and timestamptz arrive as text from both clients (see libs/database): no casts
// and no to_char on the read path, which replays and rebuilds run through.
const COLUMNS = `global_position AS gp, transaction_id AS tx, stream_id, stream_version, event_id,
  event_type, schema_version, data, metadata, recorded_at`;

// Only transactions below a horizon (es_read_horizon, computed by an earlier statement) are
// readable: none below it can still add events, so no row can later appear before a position
// a reader has passed. See migration 0003.
const HORIZON = 'SELECT es_read_horizon()::text AS horizon';
const READ_ALL = `SELECT ${COLUMNS} FROM es_events
  WHERE transaction_id < $1::xid8
    AND (transaction_id, global_position) > ($2::xid8, $3::bigint)
  ORDER BY transaction_id, global_position LIMIT $4`;
const READ_CATEGORIES = `SELECT ${COLUMNS} FROM es_events
  WHERE transaction_id < $1::xid8
    AND (transaction_id, global_position) > ($2::xid8, $3::bigint)
    AND category = ANY ($5::text[])
  ORDER BY transaction_id, global_position LIMIT $4`;

const UNIQUE_VIOLATION = '23505';
/** es_append_many refused one append of the batch (see its migration). */
const BATCH_REFUSED = 'ES409';

/**
 * The default event store: one schema and one set of SQL for a PostgreSQL server (`pg` pool)
 * and for embedded PGlite.
 */
export class PostgresEventStore implements EventStore {
  private readonly pageSize: number;
  private readonly pollIntervalMs: number;
  private readonly appendFunction: string;
  private readonly appendManyFunction: string;

  private constructor(
    private readonly sql: SqlClient,
    options: PostgresEventStoreOptions,
  ) {
    this.pageSize = options.pageSize ?? 1000;
    this.pollIntervalMs = options.pollIntervalMs ?? 50;
    const unlocked = sql.kind === 'pglite' ? '_unlocked' : '';
    this.appendFunction = `es_append${unlocked}`;
    this.appendManyFunction = `es_append_many${unlocked}`;
  }

  /** Applies the event-store migrations, then returns the store. */
  static async create(
    sql: SqlClient,
    options: PostgresEventStoreOptions = {},
  ): Promise<PostgresEventStore> {
    await migrate(sql, 'es_migrations', [
      eventStoreSchema,
      appendManySchema,
      writerHorizonSchema,
      writerScopeSchema,
    ]);
    // PGlite has one connection, which runs one transaction at a time: no append can be in
    // flight while a reader takes its horizon, so announcing each writer (an advisory lock per
    // transaction, migration 0003) guards nothing there and cost 15% of one-event appends. The
    // session counts as announced once, and appends call the functions without the wrappers.
    if (sql.kind === 'pglite') await sql.exec("SET es.writer = 'on'");
    return new PostgresEventStore(sql, options);
  }

  async append(
    streamId: string,
    events: readonly NewEvent[],
    { expectedVersion }: AppendOptions,
  ): Promise<AppendResult> {
    if (events.length === 0) throw new RangeError(`append to ${streamId}: no events`);
    const payload = JSON.stringify(eventsPayload(events));
    const params = [streamId, toSqlExpected(expectedVersion), payload];
    let row: AppendRow;
    try {
      row = await this.appendOnce(params);
    } catch (error) {
      // An event id is already stored: a retried append (or a concurrent twin) stored it.
      // Answer as the first append did; if that append rolled back since, try once more.
      if (!isUniqueViolation(error)) throw error;
      row = (await this.storedAppend(streamId, events)) ?? (await this.appendOnce(params));
    }
    const { nextVersion, position } = appendResult({ streamId, events, expectedVersion }, row);
    return { nextVersion, position };
  }

  /**
   * One statement (es_append_many) for the whole batch: one round trip and one commit; a
   * refusal raises inside it, so nothing stays. It beat es_append per stream inside one
   * SqlClient.transaction 3–4× on the server (batches of 100–200 one-event streams: 8,800–11,700
   * against 2,300–3,800 streams/s) and 1.6× on PGlite.
   */
  async appendToStreams(appends: readonly StreamAppend[]): Promise<StreamAppendResult[]> {
    checkStreamAppends(appends);
    if (appends.length === 0) return [];
    const results = new Array<StreamAppendResult>(appends.length);
    let pending = appends.map((_, i) => i);
    try {
      await this.appendManyOnce(appends, pending, results);
    } catch (error) {
      // As in `append`: some event id is stored already, by a retried batch or a concurrent
      // twin. The appends found stored answer as they did; the rest is tried once more.
      if (!isUniqueViolation(error)) throw error;
      const stored = await Promise.all(
        pending.map((i) => this.storedAppend(appends[i].streamId, appends[i].events)),
      );
      pending = pending.filter((i, k) => {
        if (stored[k] === undefined) return true;
        results[i] = appendResult(appends[i], stored[k]);
        return false;
      });
      if (pending.length > 0) await this.appendManyOnce(appends, pending, results);
    }
    return results;
  }

  private async appendManyOnce(
    appends: readonly StreamAppend[],
    pending: readonly number[],
    results: StreamAppendResult[],
  ): Promise<void> {
    const payload = JSON.stringify(
      pending.map((i) => ({
        streamId: appends[i].streamId,
        expected: toSqlExpected(appends[i].expectedVersion),
        events: eventsPayload(appends[i].events),
      })),
    );
    let rows: (AppendRow & { ord: number })[];
    try {
      ({ rows } = await this.sql.query<AppendRow & { ord: number }>(
        `SELECT ord, outcome, version::text AS version, tx, gp::text AS gp FROM ${this.appendManyFunction}($1::jsonb)`,
        [payload],
      ));
    } catch (error) {
      const refused = batchRefusal(error);
      if (refused === undefined) throw error;
      // A refused batch answers as its refused append would alone.
      throw refusal(appends[pending[refused.index]], refused.outcome, Number(refused.actual));
    }
    for (const row of rows)
      results[pending[row.ord]] = appendResult(appends[pending[row.ord]], row);
  }

  private async storedAppend(
    streamId: string,
    events: readonly NewEvent[],
  ): Promise<AppendRow | undefined> {
    const { rows } = await this.sql.query<AppendRow>(
      'SELECT outcome, version::text AS version, tx, gp::text AS gp FROM es_stored_append($1, $2::uuid[])',
      [streamId, events.map((e) => e.eventId)],
    );
    return rows[0];
  }

  private async appendOnce(params: unknown[]): Promise<AppendRow> {
    const result = await this.sql.query<AppendRow>(
      `SELECT outcome, version::text AS version, tx, gp::text AS gp FROM ${this.appendFunction}($1, $2, $3::jsonb)`,
      params,
    );
    return result.rows[0];
  }

  async *readStream(
    streamId: string,
    { fromVersion = 1, maxCount = Number.MAX_SAFE_INTEGER }: ReadStreamOptions = {},
  ): AsyncIterable<RecordedEvent> {
    let next = fromVersion;
    let left = maxCount;
    while (left > 0) {
      const limit = Math.min(this.pageSize, left);
      const { rows } = await this.sql.query<EventRow>(
        `SELECT ${COLUMNS} FROM es_events WHERE stream_id = $1 AND stream_version >= $2
          ORDER BY stream_version LIMIT $3`,
        [streamId, next, limit],
      );
      for (const row of rows) yield toRecorded(row);
      if (rows.length < limit) return;
      next = Number(rows[rows.length - 1].stream_version) + 1;
      left -= rows.length;
    }
  }

  async *readAll({
    from = START,
    maxCount = Number.MAX_SAFE_INTEGER,
    categories,
  }: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    const horizon: Horizon = {};
    let after = from;
    let left = maxCount;
    while (left > 0) {
      const { rows, caughtUp } = await this.readPage(
        horizon,
        after,
        Math.min(this.pageSize, left),
        categories,
      );
      for (const row of rows) yield toRecorded(row);
      if (caughtUp) return;
      if (rows.length > 0)
        after = encodePosition(rows[rows.length - 1].tx, rows[rows.length - 1].gp);
      left -= rows.length;
    }
  }

  async *subscribe({
    from = START,
    categories,
    signal,
  }: SubscribeOptions = {}): AsyncIterable<RecordedEvent> {
    const horizon: Horizon = {};
    let after = from;
    while (!signal?.aborted) {
      const { rows, caughtUp } = await this.readPage(horizon, after, this.pageSize, categories);
      for (const row of rows) {
        if (signal?.aborted) return;
        const event = toRecorded(row);
        yield event;
        after = event.position;
      }
      if (caughtUp) await abortableSleep(this.pollIntervalMs, signal);
    }
  }

  /**
   * Rows after `after` below a horizon. One horizon serves page after page while they come
   * back full (a replay pays for one horizon query, not one per page); a short page clears it,
   * and only a short page read against a horizon taken for it means caught up: one read
   * against an older horizon is followed by one against a new one.
   */
  private async readPage(
    horizon: Horizon,
    after: Position,
    limit: number,
    categories: readonly string[] | undefined,
  ): Promise<{ rows: EventRow[]; caughtUp: boolean }> {
    if (categories?.length === 0) return { rows: [], caughtUp: true };
    const fresh = horizon.value === undefined;
    horizon.value ??= await this.readHorizon();
    const [tx, gp] = decodePosition(after, 2);
    const params: unknown[] = [horizon.value, tx.toString(), gp.toString(), limit];
    const { rows } =
      categories === undefined
        ? await this.sql.query<EventRow>(READ_ALL, params)
        : await this.sql.query<EventRow>(READ_CATEGORIES, [...params, categories]);
    if (rows.length < limit) horizon.value = undefined;
    return { rows, caughtUp: rows.length < limit && fresh };
  }

  /** A statement of its own, so that the reads it bounds run on a later snapshot. */
  private async readHorizon(): Promise<string> {
    return (await this.sql.query<{ horizon: string }>(HORIZON)).rows[0].horizon;
  }

  async headPosition(): Promise<Position> {
    const { rows } = await this.sql.query<{ tx: string; gp: string }>(
      `SELECT transaction_id::text AS tx, global_position::text AS gp FROM es_events
        WHERE transaction_id < $1::xid8
        ORDER BY transaction_id DESC, global_position DESC LIMIT 1`,
      [await this.readHorizon()],
    );
    return rows.length === 0 ? START : encodePosition(rows[0].tx, rows[0].gp);
  }

  /** Unlike the head, not held back below an append still in flight. */
  async lastCommittedPosition(): Promise<Position> {
    const { rows } = await this.sql.query<{ tx: string; gp: string }>(
      `SELECT transaction_id::text AS tx, global_position::text AS gp FROM es_events
        ORDER BY transaction_id DESC, global_position DESC LIMIT 1`,
    );
    return rows.length === 0 ? START : encodePosition(rows[0].tx, rows[0].gp);
  }

  /**
   * The announced writers of this database (migration 0003): in PGlite, whose one connection
   * serves this query, never one.
   */
  /**
   * The writers of this log in flight, as es_read_horizon (0004) tells them: its own key (a
   * hash of database and schema), or announced the previous version's way only. Counting every
   * 8302 lock of the database showed another schema's import as this log's stalled append.
   */
  async appendsInFlight(): Promise<AppendsInFlight> {
    const { rows } = await this.sql.query<{ count: number; oldest: number | null }>(
      `WITH own AS (
         SELECT hashtext(current_database() || '.' || current_schema())::bigint & 4294967295 AS k
       ), held AS (
         SELECT l.classid::text::bigint AS class, l.objid::text::int AS pid
           FROM pg_locks l
          WHERE l.locktype = 'advisory' AND l.objsubid = 2 AND l.granted
            AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
            AND l.classid::text::bigint IN (8302, 8303, (SELECT k FROM own))
       ), writers AS (
         SELECT DISTINCT h.pid FROM held h
          WHERE h.class = (SELECT k FROM own)
             OR (h.class = 8302 AND NOT EXISTS (
                   SELECT 1 FROM held m WHERE m.pid = h.pid AND m.class = 8303))
       )
       SELECT count(*)::int AS count,
              extract(epoch FROM clock_timestamp() - min(a.xact_start))::float8 AS oldest
         FROM writers w JOIN pg_stat_get_activity(NULL) a ON a.pid = w.pid`,
    );
    const { count, oldest } = rows[0];
    return { count, oldestSeconds: oldest === null ? null : Math.round(oldest * 1000) / 1000 };
  }

  async ping(): Promise<void> {
    await this.sql.query('SELECT 1 FROM es_streams LIMIT 1');
  }

  /** The SqlClient belongs to whoever created it; closing the store does not close it. */
  async close(): Promise<void> {}
}

function eventsPayload(events: readonly NewEvent[]): unknown[] {
  return events.map((e) => ({
    eventId: e.eventId,
    type: e.type,
    schemaVersion: e.schemaVersion ?? 1,
    data: e.data,
    metadata: e.metadata ?? {},
  }));
}

/** What an append answers for its row: a result, or the error its outcome stands for. */
function appendResult(append: StreamAppend, row: AppendRow): StreamAppendResult {
  switch (row.outcome) {
    case 'ok':
    case 'duplicate':
      return {
        nextVersion: Number(row.version),
        position: encodePosition(row.tx!, row.gp!),
        replayed: row.outcome === 'duplicate',
      };
    case 'conflict':
    case 'duplicate_conflict':
      throw refusal(append, row.outcome, Number(row.version));
  }
}

function refusal(
  { streamId, events, expectedVersion }: StreamAppend,
  outcome: 'conflict' | 'duplicate_conflict',
  actual: number,
): Error {
  return outcome === 'conflict'
    ? new WrongExpectedVersion(streamId, expectedVersion, actual)
    : new DuplicateEventId(streamId, events[0].eventId);
}

interface BatchRefusal {
  index: number;
  outcome: 'conflict' | 'duplicate_conflict';
  actual: number | null;
}

function batchRefusal(error: unknown): BatchRefusal | undefined {
  const { code, detail } = (error ?? {}) as { code?: string; detail?: string };
  if (code !== BATCH_REFUSED || detail === undefined) return undefined;
  return JSON.parse(detail) as BatchRefusal;
}

function toSqlExpected(expected: ExpectedVersion): number {
  switch (expected) {
    case 'no_stream':
      return 0;
    case 'any':
      return -1;
    case 'stream_exists':
      return -2;
    default:
      if (!Number.isSafeInteger(expected) || expected < 0) {
        throw new RangeError(`expected version must be a whole number ≥ 0, got ${expected}`);
      }
      return expected;
  }
}

const UTC_TIMESTAMP = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d)(\.\d+)?\+00$/;

/** PostgreSQL's text form of a timestamptz as ISO 8601 UTC with milliseconds. */
export function isoTimestamp(text: string): string {
  const utc = UTC_TIMESTAMP.exec(text);
  if (utc) return `${utc[1]}T${utc[2]}${(utc[3] ?? '.').padEnd(4, '0').slice(0, 4)}Z`;
  return new Date(text).toISOString(); // a session in another time zone: let Date convert
}

// Events of one append share their timestamp: a replay converts each distinct one once.
let lastTimestamp = '';
let lastIso = '';

function toRecorded(row: EventRow): RecordedEvent {
  if (row.recorded_at !== lastTimestamp) {
    lastIso = isoTimestamp(row.recorded_at);
    lastTimestamp = row.recorded_at;
  }
  const recordedAt = lastIso;
  // The driver parsed a fresh object for this row: completing it in place saves a copy per event.
  const metadata = row.metadata;
  metadata.recordedAt = recordedAt;
  return {
    eventId: row.event_id,
    type: row.event_type,
    schemaVersion: row.schema_version,
    data: row.data,
    metadata,
    streamId: row.stream_id,
    streamVersion: Number(row.stream_version),
    position: encodePosition(row.tx, row.gp),
    recordedAt,
  };
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === UNIQUE_VIOLATION;
}
