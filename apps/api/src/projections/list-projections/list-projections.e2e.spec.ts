import request from 'supertest';
import { SQL_CLIENT, SqlClient } from '@app/database';
import { openApiGaps } from '../../../../../test/support/openapi-document';
import { startTestApp, TestApp } from '../../../../../test/support/test-app';

const incident = {
  title: 'Detention after a single picket',
  country: 'KZ',
  occurred: { date: '2021-01', precision: 'month' },
  type: 'detention',
  targets: [{ person: { name: 'Picketer' }, category: 'civil_activist' }],
};

// Beyond any event this store will write.
const FAR_AHEAD = '99999999999999999999.99999999999999999999';

describe.each(['pglite', 'postgres'] as const)('Projections and after= (%s)', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(backend);
  });
  afterAll(async () => t?.close());

  const get = (path: string) => request(t.server).get(path).set(t.auth);

  it('shows each projection caught up once a query waited for the last write', async () => {
    const { body } = await request(t.server).post('/incidents').set(t.auth).send(incident);
    await get(`/incidents?after=${body.position}`).expect(200);
    await get(`/persons?after=${body.position}`).expect(200);
    const response = await get('/projections').expect(200);
    const caughtUp = {
      head: body.position,
      caughtUp: true,
      state: 'caught_up',
      lagEvents: 0,
      lagSeconds: 0,
    };
    // Apart from appends in flight: on the server, another test file's may be, in this database.
    const statuses = response.body.map(
      ({ oldestAppendInFlightSeconds: _, ...status }: Record<string, unknown>) => status,
    );
    expect(statuses).toEqual([
      { name: 'incident-facts', position: body.position, ...caughtUp },
      // The targets projection stands at the inline person's event, before the incident's.
      { name: 'targets', position: expect.any(String), ...caughtUp },
    ]);
  });

  it('passes the position of a later organisation event, which the projection never reads', async () => {
    const organisation = await request(t.server)
      .post('/organisations')
      .set(t.auth)
      .send({ name: 'Kazakhstan Bureau for Human Rights', category: 'ngo' })
      .expect(201);
    const stats = await get(`/stats?measure=persons&after=${organisation.body.position}`).expect(
      200,
    );
    expect(stats.body.total).toBe(1);
    const [status] = (await get('/projections').expect(200)).body;
    expect(status.position < status.head).toBe(true);
    expect(status).toMatchObject({ caughtUp: true, lagEvents: 0 });
  });

  it('shows how far and how long a stalled projection is behind, here and in /health', async () => {
    const sql = t.app.get<SqlClient>(SQL_CLIENT);
    // Another instance holds the lease and projects nothing, as a hung worker would.
    const stall = (owner: string | null) =>
      sql.query(
        `UPDATE subscription_checkpoints SET owner = $1,
                lease_until = CASE WHEN $1::text IS NULL THEN NULL ELSE now() + interval '1 hour' END
          WHERE subscription_id = 'incident-facts'`,
        [owner],
      );
    await stall('a-hung-worker');
    try {
      await request(t.server).post('/incidents').set(t.auth).send(incident).expect(201);
      await request(t.server).post('/incidents').set(t.auth).send(incident).expect(201);
      await new Promise((resolve) => setTimeout(resolve, 1_200));

      const [facts, targets] = (await get('/projections').expect(200)).body;
      // Two incidents and their inline persons (read for their merges).
      expect(facts).toMatchObject({ state: 'catching_up', caughtUp: false, lagEvents: 4 });
      expect(facts.lagSeconds).toBeGreaterThanOrEqual(1.1);
      expect(facts.lagSeconds).toBeLessThan(60);
      expect(targets).toMatchObject({ state: 'caught_up', lagEvents: 0, lagSeconds: 0 });

      const health = (await request(t.server).get('/health').expect(200)).body;
      expect(health.projections).toEqual([
        {
          name: 'incident-facts',
          state: 'catching_up',
          lagEvents: 4,
          lagSeconds: expect.any(Number),
        },
        { name: 'targets', state: 'caught_up', lagEvents: 0, lagSeconds: 0 },
      ]);
      expect(health.projections[0].lagSeconds).toBeGreaterThanOrEqual(1.1);
      expect(JSON.stringify(health)).not.toMatch(/position|head/);
    } finally {
      await stall(null);
    }
  });

  it('shows how long the oldest append has been in flight, here and in /health', async () => {
    const sql = t.app.get<SqlClient>(SQL_CLIENT);
    if (backend === 'pglite') {
      // One connection: nothing else runs while an append is open, so none is ever seen.
      expect((await get('/projections').expect(200)).body[0].oldestAppendInFlightSeconds).toBe(
        null,
      );
      const health = (await request(t.server).get('/health').expect(200)).body;
      expect(health.dependencies.eventStore.appendsInFlight).toEqual({
        count: 0,
        oldestSeconds: null,
      });
      return;
    }
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let announced!: () => void;
    const isAnnounced = new Promise<void>((resolve) => (announced = resolve));
    const held = sql.transaction(async (tx) => {
      await tx.query('SELECT es_announce_writer()');
      announced();
      await released;
    });
    try {
      await isAnnounced;
      await new Promise((resolve) => setTimeout(resolve, 1_200));
      const statuses = (await get('/projections').expect(200)).body;
      for (const status of statuses) {
        expect(status.oldestAppendInFlightSeconds).toBeGreaterThanOrEqual(1.1);
      }
      const health = (await request(t.server).get('/health').expect(200)).body;
      const { appendsInFlight } = health.dependencies.eventStore;
      expect(appendsInFlight.count).toBeGreaterThanOrEqual(1);
      expect(appendsInFlight.oldestSeconds).toBeGreaterThanOrEqual(1.1);
    } finally {
      release();
      await held;
    }
  });

  // A position past the last committed event can never be reached: it is refused at once,
  // naming the field, instead of holding the request 5 s and answering 503.
  it.each(['/stats?measure=acts', '/incidents?limit=1'])(
    'answers %s with 400 naming after= when it is past the end of the log',
    async (path) => {
      const response = await get(`${path}&after=${FAR_AHEAD}`);
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(JSON.stringify(response.body)).toContain('after');
    },
  );

  it('requires a token', async () => {
    await request(t.server).get('/projections').expect(401);
  });

  it('is documented in OpenAPI', async () => {
    expect(
      await openApiGaps(t.app, [{ path: '/projections', method: 'get', statuses: ['200', '401'] }]),
    ).toEqual([]);
  });
});
