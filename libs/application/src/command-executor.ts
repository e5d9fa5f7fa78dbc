import { Decider, DomainError, DomainEvent, fold } from '@app/domain';
import { EventStore, ExpectedVersion, Position, WrongExpectedVersion } from '@app/event-store';
import { CommandContext } from './actor';
import { IdSource } from './deterministic-id';

export interface CommandResult {
  id: string;
  /** The stream's version after the command: what the next If-Match should carry. */
  version: number;
  position: Position;
}

export interface ExecuteOptions<C, E extends DomainEvent, S> {
  streamId: string;
  /** The entity id returned to the client. */
  id: string;
  decider: Decider<C, E, S>;
  /** Builds the command from the current state (ids it creates come from `ids`). */
  command: (state: S) => C;
  context: CommandContext;
  ids: IdSource;
  /** The client's If-Match: the version it saw. Without it, a race is retried on fresh state. */
  expectedVersion?: number;
  /** Refuse unless the stream exists in the actor's workspace (every command but a creation). */
  mustExist?: boolean;
}

const RETRIES_WITHOUT_IF_MATCH = 3;

/** The idempotency key was used before for a different request. */
export class IdempotencyKeyReused extends Error {
  constructor() {
    super('this Idempotency-Key was already used for a different request');
    this.name = 'IdempotencyKeyReused';
  }
}

/**
 * Load → decide → append, for every command: folds the stream, checks the workspace and
 * If-Match, lets the decider decide, and appends with optimistic concurrency. Event ids come
 * from the IdSource, so a retried request (same Idempotency-Key) finds its events already
 * stored and returns the first answer without writing.
 */
export class CommandExecutor {
  constructor(private readonly store: EventStore) {}

  async execute<C, E extends DomainEvent, S>(
    options: ExecuteOptions<C, E, S>,
  ): Promise<CommandResult> {
    const { streamId, context } = options;
    for (let attempt = 0; ; attempt++) {
      const history = await this.load(streamId);
      if (history.events.length > 0 && history.workspaceId !== context.actor.workspaceId) {
        throw new DomainError('not_found', 'not_found', 'no such record'); // never reveal another workspace's ids
      }
      const eventIds = (count: number) =>
        Array.from({ length: count }, (_, i) => options.ids.id(`event:${i}`));
      const [firstId] = eventIds(1);
      const replay = history.events.find((e) => e.eventId === firstId);
      if (replay) {
        if (context.requestHash !== undefined && replay.requestHash !== context.requestHash) {
          throw new IdempotencyKeyReused();
        }
        return {
          id: options.id,
          version: history.lastVersionOf(firstId, eventIds),
          position: history.positionOf(firstId, eventIds),
        };
      }
      if (options.mustExist && history.events.length === 0) {
        throw new DomainError('not_found', 'not_found', 'no such record');
      }
      if (options.expectedVersion !== undefined && options.expectedVersion !== history.version) {
        throw new WrongExpectedVersion(streamId, options.expectedVersion, history.version);
      }
      const state = fold(
        options.decider,
        history.events.map((e) => e.domainEvent as E),
      );
      const decided = options.decider.decide(options.command(state), state);
      const ids = eventIds(decided.length);
      const expected: ExpectedVersion = history.version === 0 ? 'no_stream' : history.version;
      try {
        const result = await this.store.append(
          streamId,
          decided.map((e, i) => ({
            eventId: ids[i],
            type: e.type,
            data: e.data,
            metadata: {
              workspaceId: context.actor.workspaceId,
              actorId: context.actor.userId,
              correlationId: context.correlationId,
              ...(context.idempotencyKey !== undefined && { requestHash: context.requestHash }),
            },
          })),
          { expectedVersion: expected },
        );
        return { id: options.id, version: result.nextVersion, position: result.position };
      } catch (error) {
        const retry =
          error instanceof WrongExpectedVersion &&
          options.expectedVersion === undefined &&
          attempt < RETRIES_WITHOUT_IF_MATCH;
        if (!retry) throw error;
      }
    }
  }

  /** The stream as the executor needs it. */
  async load(streamId: string): Promise<StreamHistory> {
    const events: StoredEvent[] = [];
    for await (const e of this.store.readStream(streamId)) {
      events.push({
        eventId: e.eventId,
        version: e.streamVersion,
        position: e.position,
        requestHash: e.metadata.requestHash as string | undefined,
        workspaceId: e.metadata.workspaceId,
        actorId: e.metadata.actorId,
        recordedAt: e.recordedAt,
        domainEvent: { type: e.type, data: e.data },
      });
    }
    return new StreamHistory(events);
  }
}

export interface StoredEvent {
  eventId: string;
  version: number;
  position: Position;
  requestHash?: string;
  workspaceId?: string;
  actorId?: string;
  recordedAt: string;
  domainEvent: DomainEvent;
}

export class StreamHistory {
  constructor(readonly events: StoredEvent[]) {}

  get version(): number {
    return this.events.length === 0 ? 0 : this.events[this.events.length - 1].version;
  }

  get workspaceId(): string | undefined {
    return this.events[0]?.workspaceId;
  }

  /** The last event a replayed command wrote: its events are consecutive from the first id. */
  private lastOf(firstId: string, eventIds: (count: number) => string[]): StoredEvent {
    const start = this.events.findIndex((e) => e.eventId === firstId);
    const ids = eventIds(this.events.length - start);
    let end = start;
    while (end + 1 < this.events.length && this.events[end + 1].eventId === ids[end + 1 - start])
      end++;
    return this.events[end];
  }

  lastVersionOf(firstId: string, eventIds: (count: number) => string[]): number {
    return this.lastOf(firstId, eventIds).version;
  }

  positionOf(firstId: string, eventIds: (count: number) => string[]): Position {
    return this.lastOf(firstId, eventIds).position;
  }
}
