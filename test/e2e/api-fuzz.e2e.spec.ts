import fc from 'fast-check';
import request from 'supertest';
import { SQL_CLIENT, SqlClient } from '@app/database';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Property: whatever body, headers or ids a client sends, the API never answers 5xx, every
 * error is problem+json, and a refused request records nothing.
 */
const SUB_ROUTES = [
  'corrections',
  'targets',
  'perpetrators',
  'sources',
  'outcomes',
  'verification',
  'retraction',
  'duplicate-of',
];

const json = fc.jsonValue({ maxDepth: 4 });
const hostileText = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.constantFrom(
    "' OR 1=1 --",
    '../../etc/passwd',
    '%00',
    '%E0%A4%A',
    '\u0000',
    '<script>',
    '9'.repeat(40),
    '-1',
    'W/"x"',
  ),
);
// Bodies that look like a report but with random values in each field.
const reportLike = fc.record(
  {
    title: json,
    country: json,
    occurred: fc.oneof(json, fc.record({ date: hostileText, precision: hostileText })),
    type: json,
    targets: fc.oneof(
      json,
      fc.array(fc.record({ person: fc.record({ name: json }), category: json }), { maxLength: 3 }),
    ),
    rights: json,
  },
  { requiredKeys: [] },
);
const body = fc.oneof(json, reportLike);

describe('API fuzzing: never a 5xx, always problem+json, nothing recorded', () => {
  let t: TestApp;
  let sql: SqlClient;
  let incidentId: string;
  const eventCount = async () =>
    Number((await sql.query<{ n: string }>('SELECT count(*)::text AS n FROM es_events')).rows[0].n);

  beforeAll(async () => {
    t = await startTestApp('pglite');
    sql = t.app.get(SQL_CLIENT);
    const created = await request(t.server)
      .post('/incidents')
      .set(t.auth)
      .send({
        title: 'Fuzz anchor',
        country: 'KZ',
        occurred: { date: '2020-02', precision: 'month' },
        type: 'detention',
      })
      .expect(201);
    incidentId = created.body.id;
  });
  afterAll(async () => t?.close());

  const expectRefusedCleanly = (res: request.Response) => {
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({
      status: res.status,
      title: expect.any(String),
      detail: expect.any(String),
    });
  };

  it('POST routes refuse random bodies and headers', async () => {
    const before = await eventCount();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(
          '/incidents',
          '/persons',
          '/organisations',
          ...SUB_ROUTES.map((r) => `/incidents/{id}/${r}`),
        ),
        fc.oneof(fc.constant('real'), fc.uuid(), hostileText),
        body,
        fc.record({ ifMatch: fc.option(hostileText), key: fc.option(hostileText) }),
        async (route, idChoice, payload, headers) => {
          const id = idChoice === 'real' ? incidentId : encodeURIComponent(idChoice);
          const req = request(t.server)
            .post(route.replace('{id}', id))
            .set(t.auth)
            .set('Content-Type', 'application/json');
          // HTTP headers carry visible ASCII only; the client library refuses anything else.
          if (headers.ifMatch !== null)
            req.set('If-Match', headers.ifMatch.replace(/[^\x20-\x7e]/g, ''));
          if (headers.key !== null)
            req.set('Idempotency-Key', headers.key.replace(/[^\x20-\x7e]/g, ''));
          const res = await req.send(JSON.stringify(payload));
          if (res.status < 300) {
            // Only a body that happens to be valid may pass; it must then be a real command answer.
            expect(res.body).toMatchObject({ id: expect.any(String), version: expect.any(Number) });
            return;
          }
          expectRefusedCleanly(res);
        },
      ),
      { numRuns: 150 },
    );
    // Random values never form a valid report here (codes, dates and the title all have to be right).
    expect(await eventCount()).toBe(before);
  }, 120_000);

  it('GET routes refuse random ids and queries', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(
          '/incidents/{id}',
          '/incidents/{id}/history',
          '/persons/{id}',
          '/organisations/{id}',
          '/vocabularies',
        ),
        fc.oneof(fc.uuid(), hostileText),
        fc.option(hostileText),
        async (route, id, lang) => {
          const path =
            route.replace('{id}', encodeURIComponent(id)) +
            (lang === null ? '' : `?lang=${encodeURIComponent(lang)}`);
          const res = await request(t.server).get(path).set(t.auth);
          if (res.status === 200) return; // /vocabularies with a valid or absent lang
          expectRefusedCleanly(res);
        },
      ),
      { numRuns: 100 },
    );
  }, 120_000);

  it('broken JSON, wrong content types and broken UTF-8 get 4xx problem+json', async () => {
    const samples: [string, Buffer | string][] = [
      ['application/json', '{"title": '],
      ['application/json', Buffer.from([0x7b, 0x22, 0xc3, 0x28, 0x22, 0x3a, 0x31, 0x7d])],
      ['text/plain', 'title=x'],
      ['application/json', '[]'],
      ['application/json', 'null'],
    ];
    for (const [type, payload] of samples) {
      const res = await request(t.server)
        .post('/incidents')
        .set(t.auth)
        .set('Content-Type', type)
        .send(payload);
      expectRefusedCleanly(res);
    }
  });
});
