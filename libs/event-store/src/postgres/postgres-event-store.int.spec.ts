import { Client } from 'pg';
import { openTestPglite } from '../../../../test/support/pglite-template';
import { createTestSchema, TestSchema } from '../../../../test/support/test-postgres';
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
});
