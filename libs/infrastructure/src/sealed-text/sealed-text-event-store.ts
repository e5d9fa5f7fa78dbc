import { mapFreeText, mayCarryFreeText, RedactableField, REDACTED_TEXT } from '@app/domain';
import {
  AppendOptions,
  AppendResult,
  AppendsInFlight,
  EventStore,
  NewEvent,
  Position,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  StreamAppend,
  StreamAppendResult,
  streamCategory,
  SubscribeOptions,
} from '@app/event-store';
import { sealedGeneration, SqlIncidentTextKeys, TextFieldRef, TextKeyRing } from '@app/protection';

const INCIDENT = 'incident';
/** Events read ahead to open with one read of keys; a subscription never waits for more. */
const OPEN_BATCH = 500;
/** Key rows need a workspace; an event without one (a test's raw append) gets this. */
const NO_WORKSPACE = '00000000-0000-0000-0000-000000000000';
const NOT_READY = Symbol('not ready');

type Redacted = { type: 'IncidentRedacted'; data: { replacements: Record<string, unknown> } };

/**
 * The event store as every reader and writer of ours sees it: incident free text (title,
 * description, place, tags, source titles) is sealed on its way in, under the key of its
 * incident, field and generation (`incident_text_keys`), and opened on its way out. So the
 * log, and any copy of it, holds the text only as ciphertext, and a redaction that destroys a
 * field's keys makes its earlier versions unreadable wherever they are: a value whose key is
 * gone reads as the redaction's replacement. Deciders, projections, rebuilds and exports read
 * plain text and need not know. Values stored in clear before sealing pass through as they are.
 *
 * An `IncidentRedacted` event gets a new generation for each field it names (its replacement
 * is sealed under it); once it is stored, every earlier generation of those fields is
 * destroyed. Optimistic concurrency keeps it sound: an append sealed under a key the
 * redaction destroys was read before the redaction, so it fails on the stream's version.
 */
export class SealedTextEventStore implements EventStore {
  readonly appendsInFlight?: () => Promise<AppendsInFlight>;

  constructor(
    private readonly inner: EventStore,
    private readonly keys: SqlIncidentTextKeys,
  ) {
    const inFlight = inner.appendsInFlight?.bind(inner);
    if (inFlight !== undefined) this.appendsInFlight = inFlight;
  }

  async append(
    streamId: string,
    events: readonly NewEvent[],
    options: AppendOptions,
  ): Promise<AppendResult> {
    const [sealed] = await this.seal([
      { streamId, events, expectedVersion: options.expectedVersion },
    ]);
    const result = await this.inner.append(streamId, sealed.events, options);
    await this.destroyRedacted([sealed]);
    return result;
  }

  async appendToStreams(appends: readonly StreamAppend[]): Promise<StreamAppendResult[]> {
    const sealed = await this.seal(appends);
    const results = await this.inner.appendToStreams(sealed);
    await this.destroyRedacted(sealed);
    return results;
  }

  // Streams and categories that hold no incident are read as stored, without the read-ahead.
  readStream(streamId: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent> {
    const events = this.inner.readStream(streamId, options);
    return streamCategory(streamId) === INCIDENT ? this.opened(events) : events;
  }

  readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent> {
    const events = this.inner.readAll(options);
    return mayHoldIncidents(options?.categories) ? this.opened(events) : events;
  }

  subscribe(options?: SubscribeOptions): AsyncIterable<RecordedEvent> {
    const events = this.inner.subscribe(options);
    return mayHoldIncidents(options?.categories) ? this.opened(events) : events;
  }

  headPosition(): Promise<Position> {
    return this.inner.headPosition();
  }

  lastCommittedPosition(): Promise<Position> {
    return this.inner.lastCommittedPosition();
  }

  ping(): Promise<void> {
    return this.inner.ping();
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  /** The appends with their incident events' free text sealed. */
  private async seal(appends: readonly StreamAppend[]): Promise<StreamAppend[]> {
    const refs: TextFieldRef[] = [];
    const redactions: (TextFieldRef & { streamId: string })[] = [];
    for (const { streamId, events } of appends) {
      if (streamCategory(streamId) !== INCIDENT) continue;
      for (const event of events) {
        if (!mayCarryFreeText(event.type)) continue;
        const base = { workspaceId: workspaceOf(event), incidentId: incidentIdOf(streamId) };
        mapFreeText(event.type, event.data, (value, field) => {
          if (event.type === 'IncidentRedacted') redactions.push({ ...base, field, streamId });
          else refs.push({ ...base, field });
          return value;
        });
      }
    }
    if (refs.length === 0 && redactions.length === 0) return [...appends];
    const ring = await this.keys.ring([], refs);
    // Each redacted field: a generation newer than any, for its replacement alone.
    const redactionRings = new Map<string, TextKeyRing>();
    for (const ref of redactions) {
      redactionRings.set(`${ref.incidentId}:${ref.field}`, await this.keys.nextGeneration(ref));
    }
    const out: StreamAppend[] = [];
    for (const append of appends) {
      if (streamCategory(append.streamId) !== INCIDENT) {
        out.push(append);
        continue;
      }
      const incidentId = incidentIdOf(append.streamId);
      const events: NewEvent[] = [];
      for (const event of append.events) {
        if (!mayCarryFreeText(event.type)) {
          events.push(event);
          continue;
        }
        const redaction = event.type === 'IncidentRedacted';
        const data = mapFreeText(event.type, event.data, (value, field) => {
          const keys = redaction ? redactionRings.get(`${incidentId}:${field}`)! : ring;
          return keys.seal(incidentId, field, value);
        });
        events.push({
          ...event,
          data: redaction ? await this.withUnsealedCount(append.streamId, data) : data,
        });
      }
      out.push({ ...append, events });
    }
    return out;
  }

  /**
   * How many stored versions of the redacted fields predate sealing: their keys cannot be
   * destroyed, so the log keeps them readable (the answer and the history say so).
   */
  private async withUnsealedCount(streamId: string, data: unknown): Promise<unknown> {
    const fields = new Set((data as { fields: string[] }).fields);
    let unsealed = 0;
    for await (const stored of this.inner.readStream(streamId)) {
      if (!mayCarryFreeText(stored.type)) continue;
      mapFreeText(stored.type, stored.data, (value, field) => {
        if (fields.has(field) && sealedGeneration(value) === undefined) unsealed += 1;
        return value;
      });
    }
    return { ...(data as object), unsealedVersionsInLog: unsealed };
  }

  /**
   * After the append: each stored `IncidentRedacted` of these appends destroys every earlier
   * generation of its fields. Read back from the store, so that a retried append (its event
   * kept from the first try) destroys what the stored event names.
   */
  private async destroyRedacted(appends: readonly StreamAppend[]): Promise<void> {
    for (const { streamId, events } of appends) {
      const ids = new Set(
        events.filter((e) => e.type === 'IncidentRedacted').map((e) => e.eventId),
      );
      if (ids.size === 0) continue;
      for await (const stored of this.inner.readStream(streamId)) {
        if (ids.has(stored.eventId)) await this.carryOut(stored);
      }
    }
  }

  /** Destroys the generations a stored redaction replaced (idempotent). */
  private async carryOut(redaction: RecordedEvent): Promise<void> {
    const { replacements } = (redaction as unknown as Redacted).data;
    for (const [field, sealed] of Object.entries(replacements)) {
      const generation = sealedGeneration(sealed);
      if (generation === undefined) continue; // stored in clear: nothing sealed to destroy
      const ref = {
        workspaceId: workspaceOf(redaction),
        incidentId: incidentIdOf(redaction.streamId),
        field,
      };
      await this.keys.destroyBefore(ref, generation, sealed as string);
    }
  }

  /**
   * A redaction stored whose earlier keys still live (its writer stopped between the append
   * and the destruction): the first reader to pass it carries it out, before opening anything.
   */
  private async unfinishedRedactions(batch: RecordedEvent[], ring: TextKeyRing): Promise<boolean> {
    let found = false;
    for (const event of batch) {
      if (event.type !== 'IncidentRedacted' || !carriesText(event)) continue;
      const incidentId = incidentIdOf(event.streamId);
      const { replacements } = (event as unknown as Redacted).data;
      const pending = Object.entries(replacements).some(([field, sealed]) => {
        const generation = sealedGeneration(sealed);
        return generation !== undefined && ring.hasLiveBefore(incidentId, field, generation);
      });
      if (pending) {
        await this.carryOut(event);
        found = true;
      }
    }
    return found;
  }

  /** Reads ahead what the source has ready, opens it with one read of keys, yields it. */
  private async *opened(source: AsyncIterable<RecordedEvent>): AsyncIterable<RecordedEvent> {
    const events = source[Symbol.asyncIterator]();
    let pending: Promise<IteratorResult<RecordedEvent>> | undefined;
    try {
      for (;;) {
        const first = await (pending ?? events.next());
        pending = undefined;
        if (first.done) return;
        const batch = [first.value];
        let ended = false;
        while (batch.length < OPEN_BATCH) {
          pending = events.next();
          const next = await raceImmediate(pending);
          if (next === NOT_READY) break;
          pending = undefined;
          if (next.done) {
            ended = true;
            break;
          }
          batch.push(next.value);
        }
        yield* await this.openBatch(batch);
        if (ended) return;
      }
    } finally {
      await pending?.catch(() => undefined);
      await events.return?.();
    }
  }

  private async openBatch(batch: RecordedEvent[]): Promise<RecordedEvent[]> {
    const sealedIn = new Set<string>();
    for (const event of batch) {
      if (!carriesText(event)) continue;
      mapFreeText(event.type, event.data, (value) => {
        if (sealedGeneration(value) !== undefined) sealedIn.add(event.streamId);
        return value;
      });
    }
    if (sealedIn.size === 0) return batch;
    const incidents = [...sealedIn].map(incidentIdOf);
    let ring = await this.keys.ring(incidents);
    if (await this.unfinishedRedactions(batch, ring)) ring = await this.keys.ring(incidents);
    return batch.map((event) => {
      if (!sealedIn.has(event.streamId) || !carriesText(event)) return event;
      const incidentId = incidentIdOf(event.streamId);
      const data = mapFreeText(event.type, event.data, (value, field) =>
        openValue(ring, incidentId, field, value),
      );
      return { ...event, data };
    });
  }
}

function openValue(
  ring: TextKeyRing,
  incidentId: string,
  field: RedactableField,
  value: unknown,
): unknown {
  if (sealedGeneration(value) === undefined) return value;
  const opened = ring.open(incidentId, field, value as string);
  if (opened !== 'destroyed') return opened.value;
  return field === 'tags' ? [REDACTED_TEXT] : REDACTED_TEXT;
}

function mayHoldIncidents(categories: readonly string[] | undefined): boolean {
  return categories === undefined || categories.includes(INCIDENT);
}

function carriesText(event: RecordedEvent): boolean {
  return streamCategory(event.streamId) === INCIDENT && mayCarryFreeText(event.type);
}

function incidentIdOf(streamId: string): string {
  return streamId.slice(INCIDENT.length + 1);
}

function workspaceOf(event: { metadata?: { workspaceId?: string } }): string {
  return event.metadata?.workspaceId ?? NO_WORKSPACE;
}

function raceImmediate<T>(promise: Promise<T>): Promise<T | typeof NOT_READY> {
  return Promise.race([
    promise,
    new Promise<typeof NOT_READY>((r) => setImmediate(() => r(NOT_READY))),
  ]);
}
