import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { AppProcess, freePort, waitForHttp } from '../../../../test/support/api-process';
import { createTestSchema, TestSchema } from '../../../../test/support/test-postgres';

const API = 'apps/api/src/main.ts';
// A first embedded start (PGlite initialising its files) takes 15-25 s on a loaded two-core machine.
const STARTUP_MS = 60_000;

interface Health {
  status: string;
  mode: string;
  checkedAt: string;
  dependencies: Record<
    string,
    {
      status: string;
      kind?: string;
      latencyMs?: number;
      error?: string;
      appendsInFlight?: { count: number; oldestSeconds: number | null };
    }
  >;
  projections?: { name: string; state: string; lagEvents?: number; lagSeconds: number }[];
}

const caughtUp = (name: string) => ({ name, state: 'caught_up', lagEvents: 0, lagSeconds: 0 });

async function startApi(env: Record<string, string>): Promise<{ app: AppProcess; url: string }> {
  const port = await freePort();
  const app = AppProcess.start(API, { ...env, PORT: String(port) });
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(app, `${url}/health`, STARTUP_MS);
  return { app, url };
}

async function health(url: string): Promise<{ status: number; body: Health }> {
  const response = await fetch(`${url}/health`);
  return { status: response.status, body: (await response.json()) as Health };
}

describe('GET /health, embedded mode (npm start with nothing configured)', () => {
  let dataDir: string;
  let api: { app: AppProcess; url: string };

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'rights-ledger-e2e-'));
    api = await startApi({ PGLITE_DIR: join(dataDir, 'pglite') });
  }, STARTUP_MS + 10_000);

  afterAll(async () => {
    await api?.app.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('answers 200 with the embedded event store and database up', async () => {
    const { status, body } = await health(api.url);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      status: 'ok',
      mode: 'embedded',
      dependencies: {
        eventStore: {
          status: 'up',
          kind: 'pglite',
          latencyMs: expect.any(Number),
          appendsInFlight: { count: 0, oldestSeconds: null },
        },
        database: { status: 'up', kind: 'pglite' },
        redis: { status: 'not_configured' },
      },
      projections: [caughtUp('incident-facts'), caughtUp('targets')],
    });
    expect(Date.parse(body.checkedAt)).not.toBeNaN();
  });

  it('serves the OpenAPI document at /docs-json, with /health and a bearer scheme', async () => {
    const response = await fetch(`${api.url}/docs-json`);
    expect(response.status).toBe(200);
    const document = (await response.json()) as {
      openapi: string;
      info: { title: string };
      paths: Record<string, { get?: { responses: Record<string, unknown> } }>;
      components: { securitySchemes: Record<string, { type: string; scheme: string }> };
    };
    expect(document.openapi).toMatch(/^3\./);
    expect(document.info.title).toBe('rights-ledger');
    expect(Object.keys(document.paths['/health']?.get?.responses ?? {})).toEqual(
      expect.arrayContaining(['200', '503']),
    );
    expect(Object.values(document.components.securitySchemes)).toContainEqual(
      expect.objectContaining({ type: 'http', scheme: 'bearer' }),
    );
  });

  it('serves the OpenAPI UI at /docs', async () => {
    const response = await fetch(`${api.url}/docs`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await response.text()).toMatch(/swagger/i);
  });

  it('answers an unknown route with 404 problem+json', async () => {
    const response = await fetch(`${api.url}/no/such/route`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await response.json()).toMatchObject({
      status: 404,
      title: 'Not Found',
      instance: '/no/such/route',
    });
  });
});

describe('GET /health, server mode (PostgreSQL and Redis)', () => {
  let schema: TestSchema;
  let withRedis: { app: AppProcess; url: string };
  let redisDown: { app: AppProcess; url: string };

  beforeAll(async () => {
    schema = await createTestSchema('e2e');
    const closedPort = await freePort();
    // Both processes migrate the same schema at once, as api and worker replicas do.
    [withRedis, redisDown] = await Promise.all([
      startApi({ DATABASE_URL: schema.url, REDIS_URL: 'redis://127.0.0.1:6379' }),
      startApi({ DATABASE_URL: schema.url, REDIS_URL: `redis://127.0.0.1:${closedPort}` }),
    ]);
  }, STARTUP_MS + 10_000);

  afterAll(async () => {
    await Promise.all([withRedis?.app.stop(), redisDown?.app.stop()]);
    await schema?.drop();
  });

  it('answers 200 ok with PostgreSQL and Redis up', async () => {
    const { status, body } = await health(withRedis.url);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      status: 'ok',
      mode: 'server',
      dependencies: {
        eventStore: {
          status: 'up',
          kind: 'postgres',
          // Other test files append in this database too: only the shape is certain.
          appendsInFlight: expect.objectContaining({ count: expect.any(Number) }),
        },
        database: { status: 'up', kind: 'postgres' },
        redis: { status: 'up', latencyMs: expect.any(Number) },
      },
      projections: [caughtUp('incident-facts'), caughtUp('targets')],
    });
  });

  it('answers 200 degraded when only Redis is down, with a generic reason', async () => {
    const { status, body } = await health(redisDown.url);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      status: 'degraded',
      dependencies: {
        eventStore: { status: 'up' },
        database: { status: 'up' },
        redis: { status: 'down', error: 'connection refused' },
      },
    });
  });

  it('answers 503 naming the event store when its tables are gone', async () => {
    const admin = new Client({ connectionString: schema.url });
    await admin.connect();
    try {
      await admin.query('DROP TABLE es_streams CASCADE');
    } finally {
      await admin.end();
    }
    const { status, body } = await health(withRedis.url);
    expect(status).toBe(503);
    expect(body).toMatchObject({
      status: 'down',
      dependencies: {
        eventStore: { status: 'down', kind: 'postgres', error: 'schema missing' },
        database: { status: 'up' },
      },
    });
    // Raw driver messages (relation names, hosts) stay out of a public endpoint.
    expect(JSON.stringify(body)).not.toMatch(/es_streams|127\.0\.0\.1|relation/);
  });
});
