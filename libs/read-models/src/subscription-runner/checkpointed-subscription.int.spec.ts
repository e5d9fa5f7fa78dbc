import { ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { SqlClient } from '@app/database';
import { collect, event } from '@app/event-store/event-store.contract';
import { EventStore, Position } from '@app/event-store';
import { PostgresEventStore } from '@app/event-store/postgres';
import { CONSUMED_TABLE, insertConsumed } from '../../../../test/support/consumed-table';
import { openTestPglite } from '../../../../test/support/pglite-template';
import { createTestSchema, TestSchema } from '../../../../test/support/test-postgres';
import {
  CheckpointedSubscription,
  CheckpointedSubscriptionOptions,
} from './checkpointed-subscription';

const ROOT = join(__dirname, '../../../..');

interface Setup {
  sql: SqlClient;
  store: EventStore;
  close(): Promise<void>;
}

const backends: [string, () => Promise<Setup & { schema?: TestSchema }>][] = [
  [
    'PostgreSQL server',
    async () => {
      const schema = await createTestSchema('sub');
      return {
        schema,
        sql: schema.sql,
        store: await PostgresEventStore.create(schema.sql),
        close: () => schema.drop(),
      };
    },
  ],
  [
    'PGlite',
    async () => {
      const sql = await openTestPglite();
      return { sql, store: await PostgresEventStore.create(sql), close: () => sql.close() };
    },
  ],
];

describe.each(backends)('CheckpointedSubscription on %s', (_, setup) => {
  let env: Awaited<ReturnType<typeof setup>>;
  const running: CheckpointedSubscription[] = [];

  beforeAll(async () => {
    env = await setup();
    await CheckpointedSubscription.migrate(env.sql);
    await env.sql.exec(CONSUMED_TABLE);
  });
  afterEach(async () => {
    await Promise.all(running.splice(0).map((s) => s.stop()));
  });
  afterAll(async () => env.close());

  const runner = (
    options: Partial<CheckpointedSubscriptionOptions> & {
      subscriptionId: string;
      category: string;
    },
  ) => {
    const s = new CheckpointedSubscription({
      store: env.store,
      sql: env.sql,
      categories: [options.category],
      batchSize: 50,
      leaseMs: 1_000,
      retryMs: 50,
      handle: (events, tx) => insertConsumed(tx, events, options.subscriptionId),
      ...options,
    });
    running.push(s);
    return s;
  };

  async function appendEvents(category: string, streams: number, perStream: number): Promise<void> {
    for (let s = 0; s < streams; s++) {
      const batch = Array.from({ length: perStream }, (_, i) => event('E', { s, i }));
      await env.store.append(`${category}-${randomUUID()}`, batch, {
        expectedVersion: 'no_stream',
      });
    }
  }

  async function deliveries(subscriptionId: string): Promise<string[]> {
    const { rows } = await env.sql.query<{ event_id: string }>(
      'SELECT event_id FROM consumed WHERE subscription_id = $1 ORDER BY seq',
      [subscriptionId],
    );
    return rows.map((r) => r.event_id);
  }

  async function expected(category: string): Promise<string[]> {
    return (await collect(env.store.readAll({ categories: [category] }))).map((e) => e.eventId);
  }

  async function until(check: () => Promise<boolean>, ms = 20_000): Promise<void> {
    const deadline = Date.now() + ms;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error('condition not reached in time');
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  async function checkpoint(subscriptionId: string): Promise<Position> {
    const { rows } = await env.sql.query<{ position: Position }>(
      'SELECT position FROM subscription_checkpoints WHERE subscription_id = $1',
      [subscriptionId],
    );
    return rows[0]?.position;
  }

  it('catches up, goes live, and commits each batch with its checkpoint', async () => {
    const category = `cu${randomUUID().slice(0, 8)}`;
    const id = `proj-${category}`;
    await appendEvents(category, 10, 30);
    const sub = runner({ subscriptionId: id, category });
    sub.start();
    await until(async () => (await deliveries(id)).length === 300);
    await appendEvents(category, 2, 5); // live
    await until(async () => (await deliveries(id)).length === 310);
    const all = await expected(category);
    expect(await deliveries(id)).toEqual(all);
    const last = (await collect(env.store.readAll({ categories: [category] }))).at(-1)!;
    await until(async () => (await checkpoint(id)) === last.position);
    expect(sub.position).toBe(last.position);
  });

  it('(e) a batch that fails midway is rolled back and redone from the checkpoint: nothing lost or doubled', async () => {
    const category = `cr${randomUUID().slice(0, 8)}`;
    const id = `proj-${category}`;
    await appendEvents(category, 20, 25);
    let batches = 0;
    const sub = runner({
      subscriptionId: id,
      category,
      handle: async (events, tx) => {
        await insertConsumed(tx, events, id); // written, then the "crash"
        if (++batches === 3) throw new Error('crash in the middle of a batch');
      },
    });
    sub.start();
    await until(async () => (await deliveries(id)).length >= 500);
    await new Promise((r) => setTimeout(r, 200));
    expect(batches).toBeGreaterThan(3);
    expect(await deliveries(id)).toEqual(await expected(category));
  });

  it('lets one instance run at a time, and the next takes over from its checkpoint', async () => {
    const category = `ls${randomUUID().slice(0, 8)}`;
    const id = `proj-${category}`;
    await appendEvents(category, 5, 20);
    const a = runner({ subscriptionId: id, category });
    const b = runner({ subscriptionId: id, category });
    a.start();
    await until(async () => a.state === 'running');
    b.start();
    await until(async () => (await deliveries(id)).length === 100);
    expect(b.state).toBe('waiting_for_lease');

    await a.stop(); // releases the lease at once
    await appendEvents(category, 1, 10);
    await until(async () => (await deliveries(id)).length === 110);
    expect(b.state).toBe('running');
    expect(await deliveries(id)).toEqual(await expected(category));
  });

  it('an instance whose lease was taken writes nothing more', async () => {
    const category = `lt${randomUUID().slice(0, 8)}`;
    const id = `proj-${category}`;
    await appendEvents(category, 1, 10);
    const a = runner({ subscriptionId: id, category, leaseMs: 60_000 });
    a.start();
    await until(async () => (await deliveries(id)).length === 10);
    await env.sql.query(
      `UPDATE subscription_checkpoints SET owner = 'intruder' WHERE subscription_id = $1`,
      [id],
    );
    await appendEvents(category, 1, 10);
    await until(async () => a.state !== 'running');
    await new Promise((r) => setTimeout(r, 200));
    expect(await deliveries(id)).toHaveLength(10);
    expect(a.state).toBe('waiting_for_lease');
  });
});

describe('CheckpointedSubscription: a worker process killed with SIGKILL mid-batch (e)', () => {
  let schema: TestSchema;
  let child: ChildProcess | undefined;
  beforeAll(async () => {
    schema = await createTestSchema('kill');
    await PostgresEventStore.create(schema.sql);
    await CheckpointedSubscription.migrate(schema.sql);
    await schema.sql.exec(CONSUMED_TABLE);
  });
  afterAll(async () => {
    child?.kill('SIGKILL');
    await schema.drop();
  });

  it('resumes from its checkpoint with nothing lost or doubled', async () => {
    const store = await PostgresEventStore.create(schema.sql);
    const category = 'killed';
    for (let s = 0; s < 20; s++) {
      const events = Array.from({ length: 50 }, (_, i) => event('E', { s, i }));
      await store.append(`${category}-${randomUUID()}`, events, { expectedVersion: 'no_stream' });
    }
    const subscriptionId = 'proj-killed';
    child = spawn(
      process.execPath,
      ['-r', './tools/register.js', 'test/fixtures/consumer-process.ts'],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          DATABASE_URL: schema.url,
          SUBSCRIPTION: subscriptionId,
          CATEGORY: category,
          KILL_AT: '4',
        },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('consumer never reached batch 4')), 30_000);
      child!.stdout!.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('HOLDING')) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    child.kill('SIGKILL');
    await new Promise((r) => child!.once('exit', r));

    const { rows: before } = await schema.sql.query<{ n: string }>(
      'SELECT count(*)::text AS n FROM consumed',
    );
    expect(Number(before[0].n)).toBe(300); // three committed batches of 100; the fourth rolled back

    const successor = new CheckpointedSubscription({
      subscriptionId,
      store,
      sql: schema.sql,
      categories: [category],
      leaseMs: 1_500,
      retryMs: 100,
      handle: (events, tx) => insertConsumed(tx, events),
    });
    successor.start(); // waits for the dead owner's lease to expire, then resumes
    try {
      const deadline = Date.now() + 30_000;
      for (;;) {
        const { rows } = await schema.sql.query<{ n: string }>(
          'SELECT count(*)::text AS n FROM consumed',
        );
        if (Number(rows[0].n) >= 1000 || Date.now() > deadline) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      await new Promise((r) => setTimeout(r, 200));
    } finally {
      await successor.stop();
    }
    const { rows } = await schema.sql.query<{ event_id: string }>(
      'SELECT event_id FROM consumed ORDER BY seq',
    );
    const all = (await collect(store.readAll({ categories: [category] }))).map((e) => e.eventId);
    expect(rows.map((r) => r.event_id)).toEqual(all);
  }, 90_000);
});
