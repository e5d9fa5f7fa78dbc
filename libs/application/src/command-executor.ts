import { Decider, DomainError, DomainEvent, fold } from '@app/domain';
import { noteSameTransactionSubject } from '@app/database';
import {
  comparePositions,
  DuplicateEventId,
  EventStore,
  ExpectedVersion,
  NewEvent,
  Position,
  StreamAppend,
  WrongExpectedVersion,
} from '@app/event-store';
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

/** A command that creates its stream, for `executeBatch`: no If-Match, nothing to exist. */
export type Creation<C, E extends DomainEvent, S> = Omit<
  ExecuteOptions<C, E, S>,
  'expectedVersion' | 'mustExist'
>;

export interface BatchOptions {
  /** The store's head before the caller started: a result at or before it is a replay. */
  head: Position;
}

const RETRIES_WITHOUT_IF_MATCH = 3;

/** Creations `executeBatch` hands to `execute` at once (mostly replays: a read each). */
const ONE_BY_ONE_CONCURRENCY = 8;

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
      const eventIdsOf = (count: number) => eventIds(options.ids, count);
      const [firstId] = eventIdsOf(1);
      const replay = history.events.find((e) => e.eventId === firstId);
      if (replay) {
        if (context.requestHash !== undefined && replay.requestHash !== context.requestHash) {
          throw new IdempotencyKeyReused();
        }
        return {
          id: options.id,
          version: history.lastVersionOf(firstId, eventIdsOf),
          position: history.positionOf(firstId, eventIdsOf),
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
      const ids = eventIdsOf(decided.length);
      const expected: ExpectedVersion = history.version === 0 ? 'no_stream' : history.version;
      // The request's audit entry commits with this append and names what it concerned.
      noteSameTransactionSubject(options.id);
      try {
        const result = await this.store.append(streamId, newEvents(decided, ids, context), {
          expectedVersion: expected,
        });
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

  /**
   * Creations in one atomic append: each command decided on its decider's initial state, all
   * appended with `no_stream` in one `appendToStreams`, so a batch costs one write whatever its
   * size. Whatever the batch cannot settle by itself goes through `execute`, with every check
   * that makes (workspace, IdempotencyKeyReused, retries): a command its decider refuses here
   * (it may be the replay of an earlier success), a stream twice, a batch the store refused
   * (WrongExpectedVersion, DuplicateEventId: nothing of it was written), and every replay (the
   * store answered one, or a result not after `head`). One outcome per creation, in order.
   */
  async executeBatch<C, E extends DomainEvent, S>(
    creations: readonly Creation<C, E, S>[],
    { head }: BatchOptions,
  ): Promise<PromiseSettledResult<CommandResult>[]> {
    const outcomes = new Array<PromiseSettledResult<CommandResult>>(creations.length);
    const oneByOne: number[] = [];
    const batch: { index: number; append: StreamAppend }[] = [];
    const streams = new Set<string>();
    creations.forEach((creation, index) => {
      const { decider, streamId, ids, context } = creation;
      let decided: E[];
      try {
        decided = decider.decide(creation.command(decider.initialState), decider.initialState);
      } catch {
        oneByOne.push(index);
        return;
      }
      if (decided.length === 0 || streams.has(streamId)) {
        oneByOne.push(index);
        return;
      }
      streams.add(streamId);
      const events = newEvents(decided, eventIds(ids, decided.length), context);
      batch.push({ index, append: { streamId, events, expectedVersion: 'no_stream' } });
    });

    if (batch.length > 0) {
      try {
        const results = await this.store.appendToStreams(batch.map((b) => b.append));
        results.forEach(({ nextVersion, position, replayed }, k) => {
          const { index } = batch[k];
          if (replayed || comparePositions(position, head) <= 0) oneByOne.push(index);
          else {
            const value = { id: creations[index].id, version: nextVersion, position };
            outcomes[index] = { status: 'fulfilled', value };
          }
        });
      } catch (error) {
        if (!(error instanceof WrongExpectedVersion || error instanceof DuplicateEventId)) {
          throw error;
        }
        oneByOne.push(...batch.map((b) => b.index));
      }
    }

    let next = 0;
    const lane = async () => {
      while (next < oneByOne.length) {
        const index = oneByOne[next++];
        try {
          outcomes[index] = { status: 'fulfilled', value: await this.execute(creations[index]) };
        } catch (reason) {
          outcomes[index] = { status: 'rejected', reason };
        }
      }
    };
    await Promise.all(Array.from({ length: ONE_BY_ONE_CONCURRENCY }, lane));
    return outcomes;
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

function eventIds(ids: IdSource, count: number): string[] {
  return Array.from({ length: count }, (_, i) => ids.id(`event:${i}`));
}

/** Decided events as stored: ids from the IdSource, and who, why and which request in metadata. */
function newEvents(
  decided: readonly DomainEvent[],
  ids: readonly string[],
  context: CommandContext,
): NewEvent[] {
  return decided.map((e, i) => ({
    eventId: ids[i],
    type: e.type,
    data: e.data,
    metadata: {
      workspaceId: context.actor.workspaceId,
      actorId: context.actor.userId,
      correlationId: context.correlationId,
      ...(context.idempotencyKey !== undefined && { requestHash: context.requestHash }),
    },
  }));
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
