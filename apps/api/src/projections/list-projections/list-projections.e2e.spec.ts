import request from 'supertest';
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
    const caughtUp = { head: body.position, caughtUp: true, state: 'caught_up', lagEvents: 0 };
    expect(response.body).toEqual([
      { name: 'incident-facts', position: body.position, ...caughtUp },
      // The targets projection stands at the inline person's event, before the incident's.
      { name: 'targets', position: expect.any(String), ...caughtUp },
    ]);
  });

  it('passes the position of a later person event, which the projection never reads', async () => {
    const person = await request(t.server)
      .post('/persons')
      .set(t.auth)
      .send({ name: 'Aliya Nurlanovna' })
      .expect(201);
    const stats = await get(`/stats?measure=persons&after=${person.body.position}`).expect(200);
    expect(stats.body.total).toBe(1);
    const [status] = (await get('/projections').expect(200)).body;
    expect(status.position < status.head).toBe(true);
    expect(status).toMatchObject({ caughtUp: true, lagEvents: 0 });
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
