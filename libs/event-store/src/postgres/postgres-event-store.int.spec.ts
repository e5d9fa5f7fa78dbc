import { Client } from 'pg';
import { openTestPglite } from '../../../../test/support/pglite-template';
import {
  createTestSchema,
  TEST_DATABASE_URL,
  TestSchema,
  withDatabase,
} from '../../../../test/support/test-postgres';
import { collect, event, eventStoreContract } from '../event-store.contract';
import { NewEvent } from '../event-store.port';
import { PostgresEventStore } from './postgres-event-store';

const appendSql = 'SELECT * FROM es_append($1, 0, $2::jsonb)';
const payload = (events: NewEvent[]) =>
  JSON.stringify(
    events.map((e) => ({ ...e, schemaVersion: e.schemaVersion ?? 1, metadata: e.metadata ?? {} })),
  );

eventStoreContract('PostgreSQL server', async () => {
  const schema = await createTestSchema('es');
  const store = await PostgresEventStore.create(schema.sql);
  return {
    store,
    // A second connection holds T1 open, as a slow request would.
    async openAppend(streamId, events) {
      const client = new Client({ connectionString: schema.url });
      await client.connect();
      await client.query('BEGIN');
      await client.query(appendSql, [streamId, payload(events)]);
      return {
        async commit() {
          await client.query('COMMIT');
          await client.end();
        },
      };
    },
    // Work that appends no events: a transaction in another database of the server (it holds
    // the cluster-wide xmin back) and a temp-table write in this one.
    async holdUnrelatedTransactions() {
      const elsewhere = new Client({
        connectionString: withDatabase(TEST_DATABASE_URL, 'postgres'),
      });
      const here = new Client({ connectionString: schema.url });
      await Promise.all([elsewhere.connect(), here.connect()]);
      await elsewhere.query('BEGIN');
      await elsewhere.query('SELECT pg_current_xact_id()');
      await here.query('BEGIN');
      await here.query('CREATE TEMP TABLE held (n int)');
      await here.query('INSERT INTO held VALUES (1)');
      return {
        async release() {
          try {
            // Both still open, as they were through the case (a closed one would throw here).
            await elsewhere.query('ROLLBACK');
            await here.query('ROLLBACK');
          } finally {
            await Promise.all([elsewhere.end(), here.end()]);
          }
        },
      };
    },
    close: () => schema.drop(),
  };
});

eventStoreContract('PGlite (embedded)', async () => {
  const sql = await openTestPglite();
  const store = await PostgresEventStore.create(sql);
  return {
    store,
    // PGlite has one connection: an open transaction holds it, so T2 waits for T1.
    async openAppend(streamId, events) {
      let release!: () => void;
      const released = new Promise<void>((r) => (release = r));
      let started!: () => void;
      const hasStarted = new Promise<void>((r) => (started = r));
      const tx = sql.transaction(async (t) => {
        await t.query(appendSql, [streamId, payload(events)]);
        started();
        await released;
      });
      await hasStarted;
      return {
        async commit() {
          release();
          await tx;
        },
      };
    },
    close: () => sql.close(),
  };
});

describe('PostgreSQL adapter specifics', () => {
  let schema: TestSchema;
  let store: PostgresEventStore;
  beforeAll(async () => {
    schema = await createTestSchema('es');
    store = await PostgresEventStore.create(schema.sql);
  });
  afterAll(() => schema.drop());

  it('migrates once even when several processes start together', async () => {
    await Promise.all([1, 2, 3].map(() => PostgresEventStore.create(schema.sql)));
    // TypeORM's migrations table: one record per migration, named `<id>.<sequence>`.
    const { rows } = await schema.sql.query('SELECT name FROM es_migrations ORDER BY id');
    expect(rows).toEqual([
      { name: '0001-event-store.0000000000001' },
      { name: '0002-append-many.0000000000002' },
      { name: '0003-writer-horizon.0000000000003' },
      { name: '0004-writer-scope.0000000000004' },
    ]);
  });

  it.each(["UPDATE es_events SET data = '{}'", 'DELETE FROM es_events', 'TRUNCATE es_events'])(
    'refuses to rewrite history: %s',
    async (statement) => {
      await store.append(`incident-${crypto.randomUUID()}`, [event('E')], {
        expectedVersion: 'no_stream',
      });
      await expect(schema.sql.query(statement)).rejects.toThrow(/append-only/);
      expect((await collect(store.readAll())).length).toBeGreaterThan(0);
    },
  );

  describe('writers announce themselves before they have a transaction id', () => {
    const inTransaction = async (work: (client: Client) => Promise<void>) => {
      const client = new Client({ connectionString: schema.url });
      await client.connect();
      try {
        await client.query('BEGIN');
        await work(client);
      } finally {
        await client.query('ROLLBACK').catch(() => undefined);
        await client.end();
      }
    };
    const batchSql = 'SELECT * FROM es_append_many($1::jsonb)';
    const batch = (streamId: string) =>
      JSON.stringify([{ streamId, expected: 0, events: JSON.parse(payload([event('E')])) }]);

    it.each([
      ['es_append', (c: Client, s: string) => c.query(appendSql, [s, payload([event('E')])])],
      ['es_append_many', (c: Client, s: string) => c.query(batchSql, [batch(s)])],
    ])('refuses %s after the transaction wrote something else (ES001)', async (_, append) => {
      const s = `incident-${crypto.randomUUID()}`;
      await inTransaction(async (client) => {
        await client.query('CREATE TEMP TABLE before_append (n int)');
        await client.query('INSERT INTO before_append VALUES (1)');
        await expect(append(client, s)).rejects.toMatchObject({ code: 'ES001' });
      });
      expect(await collect(store.readStream(s))).toEqual([]);
    });

    it('refuses events inserted without announcing (ES002)', async () => {
      const insert = `INSERT INTO es_events (stream_id, stream_version, event_id, event_type, data)
        VALUES ($1, 1, gen_random_uuid(), 'E', '{}')`;
      await expect(
        schema.sql.query(insert, [`incident-${crypto.randomUUID()}`]),
      ).rejects.toMatchObject({ code: 'ES002' });
    });

    it('appends several times in one transaction once announced', async () => {
      const [a, b] = [`incident-${crypto.randomUUID()}`, `incident-${crypto.randomUUID()}`];
      const client = new Client({ connectionString: schema.url });
      await client.connect();
      try {
        await client.query('BEGIN');
        await client.query(appendSql, [a, payload([event('E')])]);
        await client.query(batchSql, [batch(b)]);
        await client.query('COMMIT');
      } finally {
        await client.end();
      }
      expect(await collect(store.readStream(a))).toHaveLength(1);
      expect(await collect(store.readStream(b))).toHaveLength(1);
    });
  });

  describe('a reader waits for the writers of its own log only (0004)', () => {
    /** Appends one event here, and whether a global read shows it at once. */
    const appendShown = async (): Promise<boolean> => {
      const from = await store.lastCommittedPosition();
      const e = event('E');
      await store.append(`incident-${crypto.randomUUID()}`, [e], { expectedVersion: 'no_stream' });
      const read = await collect(store.readAll({ from }));
      return read.some((r) => r.eventId === e.eventId);
    };
    /** A transaction of `url` that stays open while `check` runs. */
    const whileOpen = async <T>(
      url: string,
      open: (client: Client) => Promise<unknown>,
      check: () => Promise<T>,
    ): Promise<T> => {
      const client = new Client({ connectionString: url });
      await client.connect();
      try {
        await client.query('BEGIN');
        await open(client);
        return await check();
      } finally {
        await client.query('ROLLBACK').catch(() => undefined);
        await client.end();
      }
    };

    it('is not held back by a writer of another schema on the same database', async () => {
      const other = await createTestSchema('es');
      try {
        await PostgresEventStore.create(other.sql);
        const shown = await whileOpen(
          other.url,
          (c) => c.query(appendSql, [`incident-${crypto.randomUUID()}`, payload([event('E')])]),
          appendShown,
        );
        expect(shown).toBe(true);
      } finally {
        await other.drop();
      }
    });

    it('is held back by a writer of its own log until it ends', async () => {
      const shown = await whileOpen(
        schema.url,
        (c) => c.query(appendSql, [`incident-${crypto.randomUUID()}`, payload([event('E')])]),
        appendShown,
      );
      expect(shown).toBe(false);
      expect(await appendShown()).toBe(true);
    });

    it("is held back by a writer announced the previous version's way, whose log it cannot tell", async () => {
      const shown = await whileOpen(
        schema.url,
        async (c) => {
          await c.query('SELECT pg_advisory_xact_lock(8302, pg_backend_pid())');
          await c.query('SELECT pg_current_xact_id()');
        },
        appendShown,
      );
      expect(shown).toBe(false);
    });

    it('counts in appendsInFlight the writers of its own log, not those of another schema', async () => {
      const other = await createTestSchema('es');
      const appendIn = (c: Client) =>
        c.query(appendSql, [`incident-${crypto.randomUUID()}`, payload([event('E')])]);
      try {
        await PostgresEventStore.create(other.sql);
        const elsewhere = await whileOpen(other.url, appendIn, () => store.appendsInFlight());
        expect(elsewhere).toEqual({ count: 0, oldestSeconds: null });
        const here = await whileOpen(schema.url, appendIn, () => store.appendsInFlight());
        expect(here.count).toBe(1);
        expect(here.oldestSeconds).toBeGreaterThanOrEqual(0);
      } finally {
        await other.drop();
      }
    });
  });
});
