import { createHash } from 'node:crypto';
import { Decider, DomainError, DomainEvent } from '@app/domain';
import { EventStore, Position, RecordedEvent } from '@app/event-store';
import { PostgresEventStore } from '@app/event-store/postgres';
import { sqlBackends } from '../../../test/support/sql-backends';
import { CommandContext } from './actor';
import { CommandExecutor, Creation, IdempotencyKeyReused } from './command-executor';
import { IdSource } from './deterministic-id';

// A small creation use case: a label registered under a name; a blank name is refused.
type LabelCommand = { type: 'Register'; name: string };
type LabelState = { registered: boolean };
const labelDecider: Decider<LabelCommand, DomainEvent, LabelState> = {
  initialState: { registered: false },
  evolve: () => ({ registered: true }),
  decide(command, state) {
    if (state.registered) throw new DomainError('conflict', 'exists', 'already registered');
    if (command.name.trim() === '') {
      throw DomainError.invalid([{ field: 'name', message: 'must not be blank' }]);
    }
    return [{ type: 'LabelRegistered', data: { name: command.name } }];
  },
};

const WORKSPACE = '00000000-0000-4000-8000-000000000001';
const OTHER_WORKSPACE = '00000000-0000-4000-8000-000000000002';

function context(key: string, body: unknown, workspaceId = WORKSPACE): CommandContext {
  return {
    actor: { userId: 'user-1', userName: 'Monitor', workspaceId, role: 'monitor' },
    correlationId: 'job-1',
    idempotencyKey: key,
    requestHash: createHash('sha256').update(JSON.stringify(body)).digest('hex'),
    today: '2026-11-28',
  };
}

/** A creation as a use case builds it: ids, stream and events all derive from the key. */
function label(key: string, name: string, workspaceId = WORKSPACE) {
  const ids = IdSource.for(workspaceId, key, 'POST /labels');
  const id = ids.id('label');
  return {
    streamId: `label-${id}`,
    id,
    decider: labelDecider,
    command: (): LabelCommand => ({ type: 'Register', name }),
    context: context(key, { name }, workspaceId),
    ids,
  } satisfies Creation<LabelCommand, DomainEvent, LabelState>;
}

async function stream(store: EventStore, streamId: string): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  for await (const e of store.readStream(streamId)) events.push(e);
  return events;
}

async function countAll(store: EventStore): Promise<number> {
  let n = 0;
  for await (const _ of store.readAll()) n++;
  return n;
}

describe.each(sqlBackends('executor'))('CommandExecutor.executeBatch on %s', (_, setup) => {
  let close: () => Promise<void>;
  let store: PostgresEventStore;
  let executor: CommandExecutor;
  let head: Position;
  let run = 0;
  // Keys unique per test: the tests share one store.
  const key = (name: string) => `k${run}-${name}`;

  beforeAll(async () => {
    const backend = await setup();
    close = backend.close;
    store = await PostgresEventStore.create(backend.sql);
    executor = new CommandExecutor(store);
  });
  afterAll(() => close());
  beforeEach(async () => {
    run++;
    head = await store.headPosition();
  });

  it('records new creations in one append, with the events execute would write', async () => {
    const creations = [label(key('a'), 'Alpha'), label(key('b'), 'Beta')];
    const outcomes = await executor.executeBatch(creations, { head });

    const results = outcomes.map((o) => (o as PromiseFulfilledResult<{ id: string }>).value);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled']);
    expect(results.map((r) => r.id)).toEqual(creations.map((c) => c.id));
    const [alpha] = await stream(store, creations[0].streamId);
    expect(alpha).toMatchObject({
      eventId: creations[0].ids.id('event:0'),
      type: 'LabelRegistered',
      data: { name: 'Alpha' },
      metadata: {
        workspaceId: WORKSPACE,
        actorId: 'user-1',
        correlationId: 'job-1',
        requestHash: creations[0].context.requestHash,
      },
    });
    expect(outcomes[0]).toEqual({
      status: 'fulfilled',
      value: { id: creations[0].id, version: 1, position: alpha.position },
    });
    // One transaction: what execute writes one by one has a transaction each.
    const [beta] = await stream(store, creations[1].streamId);
    expect(alpha.position.split('.')[0]).toBe(beta.position.split('.')[0]);
  });

  it('writes the same stream as execute: a batch after execute is a replay with its answer', async () => {
    const first = await executor.execute(label(key('a'), 'Alpha'));
    const before = await countAll(store);
    head = await store.headPosition();

    const outcomes = await executor.executeBatch([label(key('a'), 'Alpha')], { head });

    expect(outcomes).toEqual([{ status: 'fulfilled', value: first }]);
    expect(await countAll(store)).toBe(before);
  });

  it('answers a re-run batch as the first run did, writing nothing', async () => {
    const creations = [label(key('a'), 'Alpha'), label(key('b'), 'Beta')];
    const first = await executor.executeBatch(creations, { head });
    const before = await countAll(store);

    const again = await executor.executeBatch(creations, { head: await store.headPosition() });

    expect(again).toEqual(first);
    expect(await countAll(store)).toBe(before);
  });

  it('refuses a key reused for other content (IdempotencyKeyReused) and records the rest', async () => {
    await executor.execute(label(key('a'), 'Alpha'));
    head = await store.headPosition();
    const creations = [label(key('a'), 'Alpha, corrected'), label(key('b'), 'Beta')];

    const [reused, fresh] = await executor.executeBatch(creations, { head });

    expect(reused).toEqual({ status: 'rejected', reason: expect.any(IdempotencyKeyReused) });
    expect(fresh.status).toBe('fulfilled');
    expect((await stream(store, creations[0].streamId)).map((e) => e.data)).toEqual([
      { name: 'Alpha' },
    ]);
    expect(await stream(store, creations[1].streamId)).toHaveLength(1);
  });

  it('refuses what the decider refuses, and records the rest', async () => {
    const creations = [label(key('a'), ' '), label(key('b'), 'Beta')];
    const [blank, fresh] = await executor.executeBatch(creations, { head });
    expect(blank).toMatchObject({ status: 'rejected', reason: { kind: 'invalid' } });
    expect(fresh.status).toBe('fulfilled');
    expect(await stream(store, creations[0].streamId)).toEqual([]);
  });

  it('when the store refuses the batch, settles each creation as execute does', async () => {
    // The stream exists in this workspace with other events: not a replay, a conflict.
    const taken = label(key('a'), 'Alpha');
    const other = { eventId: crypto.randomUUID(), type: 'Other', data: {} };
    await store.append(taken.streamId, [{ ...other, metadata: { workspaceId: WORKSPACE } }], {
      expectedVersion: 'no_stream',
    });
    // The same stream from another workspace: execute never reveals it.
    const foreign = { ...label(key('f'), 'Foreign', OTHER_WORKSPACE), streamId: taken.streamId };
    const creations = [label(key('b'), 'Beta'), taken, label(key('c'), 'Gamma')];

    const outcomes = await executor.executeBatch(creations, { head });

    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(outcomes[1]).toMatchObject({ reason: { kind: 'conflict', code: 'exists' } });
    expect(await stream(store, creations[2].streamId)).toHaveLength(1);
    const [hidden] = await executor.executeBatch([foreign], { head });
    expect(hidden).toMatchObject({ reason: { kind: 'not_found' } });
  });

  it('runs a stream given twice through execute: recorded once, then a replay', async () => {
    const twice = label(key('a'), 'Alpha');
    const outcomes = await executor.executeBatch([twice, twice], { head });
    expect(outcomes[1]).toEqual(outcomes[0]);
    expect(await stream(store, twice.streamId)).toHaveLength(1);
  });
});
