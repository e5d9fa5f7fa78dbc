import { Controller, Get, Module, Post } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { startTestApp, TestApp } from '../../../../test/support/test-app';
import { createTestWorkspace } from '../../../../test/support/workspaces';
import { configureHttpApp } from '../http-app';
import { RATE_LIMITS } from './security.module';

const ORIGIN = 'https://ledger.example.org';

@Controller('fixtures')
class FixtureHttpController {
  @Get()
  get() {
    return { ok: true };
  }

  @Post()
  post() {
    return { ok: true };
  }
}

@Module({ controllers: [FixtureHttpController] })
class FixtureModule {}

const preflight = (server: TestApp['server'], path: string, origin: string) =>
  request(server)
    .options(path)
    .set('Origin', origin)
    .set('Access-Control-Request-Method', 'POST')
    .set('Access-Control-Request-Headers', 'authorization,content-type');

describe('HTTP security: headers, body limits, CORS, rate limits', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp('postgres');
  }, 60_000);
  afterAll(async () => t?.close());

  it('sends security headers and hides the framework', async () => {
    const res = await request(t.server).get('/me').set(t.auth).expect(200);
    expect(res.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'SAMEORIGIN',
      'referrer-policy': 'no-referrer',
      'cross-origin-resource-policy': 'same-origin',
      'content-security-policy': expect.stringContaining("object-src 'none'"),
    });
    expect(res.headers).not.toHaveProperty('x-powered-by');
    // The OpenAPI UI still loads under the policy: its scripts are served from /docs itself.
    const docs = await request(t.server).get('/docs/').expect(200);
    expect(docs.text).not.toMatch(/<script>[^<]/);
  });

  it.each([
    ['2 MB', 2 * 1024 * 1024],
    ['10 MB', 10 * 1024 * 1024],
  ])(
    'answers a %s JSON body 413 problem+json, without reading it into a command',
    async (_, size) => {
      const res = await request(t.server)
        .post('/incidents')
        .set(t.auth)
        .set('Content-Type', 'application/json')
        .send(`{"title":"${'x'.repeat(size)}"}`);
      expect(res.status).toBe(413);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ status: 413, title: 'Payload Too Large' });
    },
  );

  it('reads a JSON body just under 1 MB', async () => {
    const res = await request(t.server)
      .post('/incidents')
      .set(t.auth)
      .send({ title: 'x'.repeat(1_000_000) });
    expect(res.status).toBe(400); // read, then refused by validation (title too long, fields missing)
  });

  it('keeps CORS closed by default: no browser origin is allowed', async () => {
    const res = await preflight(t.server, '/incidents', ORIGIN);
    expect(res.headers).not.toHaveProperty('access-control-allow-origin');
    const get = await request(t.server).get('/me').set(t.auth).set('Origin', ORIGIN).expect(200);
    expect(get.headers).not.toHaveProperty('access-control-allow-origin');
  });

  it('allows exactly the CORS_ORIGINS, with the headers the API uses', async () => {
    const moduleRef = await Test.createTestingModule({ imports: [FixtureModule] }).compile();
    const app = moduleRef.createNestApplication<NestExpressApplication>({ logger: false });
    configureHttpApp(app, { corsOrigins: [ORIGIN] });
    await app.init();
    try {
      const allowed = await preflight(app.getHttpServer(), '/fixtures', ORIGIN).expect(204);
      expect(allowed.headers['access-control-allow-origin']).toBe(ORIGIN);
      expect(allowed.headers['access-control-allow-headers']).toMatch(/Authorization/);
      expect(allowed.headers).not.toHaveProperty('access-control-allow-credentials');
      const other = await preflight(app.getHttpServer(), '/fixtures', 'https://evil.example');
      expect(other.headers).not.toHaveProperty('access-control-allow-origin');
    } finally {
      await app.close();
    }
  });

  it('limits requests per user, each user on its own budget', async () => {
    const ngo = await createTestWorkspace(t.server, 'Budget NGO', ['analyst']);
    const remaining = async (token: string) => {
      const res = await request(t.server).get('/me').set('Authorization', `Bearer ${token}`);
      expect(res.headers['x-ratelimit-limit']).toBe(String(RATE_LIMITS.user));
      return Number(res.headers['x-ratelimit-remaining']);
    };
    expect(await remaining(ngo.tokens.analyst)).toBe(RATE_LIMITS.user - 1);
    for (let i = 0; i < 3; i += 1) await remaining(ngo.tokens.analyst);
    expect(await remaining(ngo.tokens.analyst)).toBe(RATE_LIMITS.user - 5);
    // The admin created the analyst (one request) and now asks once: the analyst's use is not its.
    expect(await remaining(ngo.tokens.admin)).toBe(RATE_LIMITS.user - 2);
  });

  it('answers 429 problem+json with Retry-After past the limit for callers without a token', async () => {
    // In batches: one by one, the 301 requests took over 30 s on a loaded two-core machine.
    let res: request.Response | undefined;
    for (let sent = 0; sent <= RATE_LIMITS.anonymous && res?.status !== 429; sent += 25) {
      const batch = await Promise.all(
        Array.from({ length: 25 }, () => request(t.server).get('/health')),
      );
      res = batch.find((r) => r.status === 429) ?? batch[batch.length - 1];
    }
    expect(res?.status).toBe(429);
    expect(res?.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(Number(res?.headers['retry-after'])).toBeGreaterThan(0);
    expect(res?.body.detail).toMatch(/Too many requests/);
    // A user with a token has its own budget.
    await request(t.server).get('/me').set(t.auth).expect(200);
  }, 60_000);
});
