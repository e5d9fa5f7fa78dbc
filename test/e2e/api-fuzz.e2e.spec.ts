import fc from 'fast-check';
import request from 'supertest';
import { SQL_CLIENT, SqlClient } from '@app/database';
import { AnswerTimes } from '../support/answer-times';
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
    t = await startTestApp('postgres');
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

/**
 * Acceptance (issue 19): every operation of the OpenAPI document, with its documented example
 * values (schema-shaped) and, one at a time, hostile ones in each path, query and body field:
 * deep nesting, lone surrogates, ISO week dates, positions past the head of the log. No 5xx,
 * and no answer slower than 1 s (the 5 s wait on a position that ended in 503 was one).
 */
interface DocumentOperation {
  parameters?: { name: string; in: string; example?: unknown; schema?: { example?: unknown } }[];
  requestBody?: { content: Record<string, { schema: { $ref?: string } }> };
}
interface OpenApiDocument {
  paths: Record<string, Record<string, DocumentOperation>>;
  components: { schemas: Record<string, { properties?: Record<string, { example?: unknown }> }> };
}

const PAST_HEAD = '99999999999999999999.99999999999999999999';
const deepArray = (depth: number): unknown => (depth === 0 ? 1 : [deepArray(depth - 1)]);
/** Values for query and path parameters, as they travel in a URL (already encoded). */
const HOSTILE_URL_VALUES = [
  '2020-W05',
  '2020-035',
  PAST_HEAD,
  '%ED%A0%80', // a lone surrogate in UTF-8 form: invalid
  '%F0%9F',
  `snapshot:${'9'.repeat(30)}`,
];
/** Values for body fields: JSON keeps a lone surrogate as one. */
const HOSTILE_BODY_VALUES: unknown[] = ['\ud800', '2020-W05', PAST_HEAD, deepArray(100)];

describe('API fuzzing: every operation, schema-shaped and hostile values', () => {
  let t: TestApp;
  let workspaceId: string;
  const times = new AnswerTimes();

  beforeAll(async () => {
    t = await startTestApp('postgres');
    workspaceId = (await request(t.server).get('/me').set(t.auth).expect(200)).body.workspaceId;
    // /public/stats answers only for a public workspace: make ours one, so its checks run.
    await request(t.server)
      .put(`/workspaces/${workspaceId}/public`)
      .set(t.auth)
      .send({ enabled: true })
      .expect(200);
  }, 60_000);
  afterAll(async () => {
    console.log(`slowest answer: ${times.slowest.ms} ms (${times.slowest.what})`);
    await t?.close();
  });

  const send = async (method: string, path: string, body?: string) => {
    const what = `${method.toUpperCase()} ${path.slice(0, 200)}`;
    const res = await times.time(what, async () => {
      const req = request(t.server)[method as 'get'](path).set(t.auth);
      return body === undefined ? await req : await req.type('json').send(body);
    });
    if (res.status >= 500) throw new Error(`${what}: ${res.status} ${res.text.slice(0, 300)}`);
    if (res.status >= 400) expect(res.headers['content-type']).toMatch(/^application\/problem/);
  };

  it("answers the probe's 500s and 5 s waits with an immediate 400 naming the field", async () => {
    const expectField = async (res: request.Response, field: string) => {
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    };
    await expectField(await request(t.server).get('/audit?from=2020-W05').set(t.auth), 'from');
    for (const [path, field] of [
      ['/incidents', 'title'],
      ['/organisations', 'name'],
      ['/snapshots', 'name'],
    ]) {
      const res = await request(t.server)
        .post(path)
        .set(t.auth)
        .send({ [field]: `Detention \ud800 of a monitor` });
      await expectField(res, field);
    }
    const deep = await request(t.server)
      .post('/incidents')
      .set(t.auth)
      .type('json')
      .send(JSON.stringify({ title: deepArray(3_000) }));
    expect(deep.status).toBe(400);
    expect(deep.body.detail).toMatch(/deeper than 64/);
    await expectField(
      await request(t.server).get(`/stats?measure=incidents&after=${PAST_HEAD}`).set(t.auth),
      'after',
    );
    await expectField(
      await request(t.server).get(`/stats?measure=incidents&asOf=${PAST_HEAD}`).set(t.auth),
      'asOf',
    );
    await expectField(
      await request(t.server).get(
        `/public/stats?workspace=${workspaceId}&measure=incidents&asOf=${PAST_HEAD}`,
      ),
      'asOf',
    );
  });

  it('answers every operation without a 5xx or an answer slower than 1 s', async () => {
    const document = (await request(t.server).get('/docs-json').expect(200))
      .body as OpenApiDocument;
    const exampleOf = (p: { name: string; example?: unknown; schema?: { example?: unknown } }) => {
      if (p.name === 'workspace' || p.name === 'id') return workspaceId;
      const example = p.example ?? p.schema?.example ?? 'x';
      return encodeURIComponent(Array.isArray(example) ? String(example[0]) : String(example));
    };
    let operations = 0;
    for (const [template, methods] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        if (!['get', 'post', 'put', 'delete'].includes(method)) continue;
        operations += 1;
        const parameters = (operation.parameters ?? []).filter((p) => p.in !== 'header');
        const url = (override?: { name: string; value: string }) => {
          let path = template;
          const query: string[] = [];
          for (const p of parameters) {
            const value = override?.name === p.name ? override.value : exampleOf(p);
            if (p.in === 'path') path = path.replace(`{${p.name}}`, value);
            else if (p.in === 'query') query.push(`${p.name}=${value}`);
          }
          return query.length === 0 ? path : `${path}?${query.join('&')}`;
        };
        const ref = operation.requestBody?.content['application/json']?.schema.$ref;
        const properties =
          ref === undefined
            ? {}
            : (document.components.schemas[ref.split('/').pop()!]?.properties ?? {});
        const example = Object.fromEntries(
          Object.entries(properties).map(([name, p]) => [name, p.example]),
        );
        const body = method === 'get' ? undefined : JSON.stringify(example);
        await send(method, url(), body);
        for (const p of parameters) {
          for (const value of HOSTILE_URL_VALUES)
            await send(method, url({ name: p.name, value }), body);
        }
        if (method === 'get') continue;
        await send(method, url(), JSON.stringify(deepArray(3_000)));
        for (const name of Object.keys(properties).slice(0, 6)) {
          for (const value of HOSTILE_BODY_VALUES) {
            await send(method, url(), JSON.stringify({ ...example, [name]: value }));
          }
        }
      }
    }
    expect(operations).toBeGreaterThan(40);
    // No answer slower than a second, twice: the 5 s position wait is gone.
    expect(times.slow).toEqual([]);
  }, 600_000);
});
