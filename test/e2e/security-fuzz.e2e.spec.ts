import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LoggerService } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import fc from 'fast-check';
import request from 'supertest';
import { loadConfig } from '@app/config';
import { AppModule } from '../../apps/api/src/app.module';
import { configureHttpApp } from '../../apps/api/src/http-app';
import { TEST_ADMIN_TOKEN } from '../support/test-app';
import { createTestWorkspace, TestWorkspace } from '../support/workspaces';

/**
 * Acceptance (issue 6): hostile tokens, ids and bodies on every documented route get a 4xx
 * (never a 5xx), and nothing the app logs (its logger, stdout, stderr) holds a token or a name.
 */

/** Everything the app writes, from its logger and straight to the process streams. */
class CapturingLogger implements LoggerService {
  readonly lines: string[] = [];
  log = (...parts: unknown[]) => this.add(parts);
  error = (...parts: unknown[]) => this.add(parts);
  warn = (...parts: unknown[]) => this.add(parts);
  debug = (...parts: unknown[]) => this.add(parts);
  verbose = (...parts: unknown[]) => this.add(parts);
  fatal = (...parts: unknown[]) => this.add(parts);
  private add(parts: unknown[]) {
    this.lines.push(
      parts.map((p) => (p instanceof Error ? `${p.message} ${p.stack}` : String(p))).join(' '),
    );
  }
}

const NAMES = ['Zhanar Fuzzbekova', 'Yerlan Testov', 'Bota Probeyeva'];
const HOSTILE = [
  "' OR 1=1 --",
  "'; DROP TABLE api_tokens; --",
  '../../etc/passwd',
  '..%2F..%2Fetc%2Fpasswd',
  '%2e%2e%2f',
  '%00',
  '%E0%A4%A',
  '%C3%28',
  '%FF%FE',
  '<script>alert(1)</script>',
  '${jndi:ldap://x}',
  '{{7*7}}',
  '9'.repeat(40),
  '-1',
  'null',
  'a'.repeat(5000),
  NAMES[0] as string,
];

interface Operation {
  method: string;
  path: string;
  isPublic?: boolean;
}

describe('security fuzzing: tokens, ids and bodies on every route', () => {
  let app: NestExpressApplication;
  let server: Parameters<typeof request>[0];
  let dir: string;
  let ngo: TestWorkspace;
  let operations: Operation[];
  let incidentId: string;
  const logger = new CapturingLogger();
  const written: string[] = [];
  const tokens: string[] = [TEST_ADMIN_TOKEN];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rl-fuzz-'));
    for (const stream of [process.stdout, process.stderr]) {
      const write = stream.write.bind(stream);
      jest.spyOn(stream, 'write').mockImplementation((chunk: unknown, ...rest: unknown[]) => {
        written.push(String(chunk));
        return (write as (...args: unknown[]) => boolean)(chunk, ...rest);
      });
    }
    const config = loadConfig({ PGLITE_DIR: dir, BOOTSTRAP_ADMIN_TOKEN: TEST_ADMIN_TOKEN });
    const moduleRef = await Test.createTestingModule({
      imports: [AppModule.forConfig(config)],
    }).compile();
    app = moduleRef.createNestApplication<NestExpressApplication>({ logger });
    configureHttpApp(app);
    await app.init();
    server = app.getHttpServer();

    ngo = await createTestWorkspace(server, 'Fuzz NGO');
    tokens.push(...Object.values(ngo.tokens));
    const created = await request(server)
      .post('/incidents')
      .set('Authorization', `Bearer ${ngo.tokens.monitor}`)
      .send({
        title: `Detention of ${NAMES[1]}`,
        country: 'KZ',
        occurred: { date: '2020-02', precision: 'month' },
        type: 'detention',
        targets: [{ person: { name: NAMES[1] }, category: 'civil_activist' }],
      })
      .expect(201);
    incidentId = created.body.id;
    await request(server)
      .post('/persons')
      .set('Authorization', `Bearer ${ngo.tokens.monitor}`)
      .send({ name: NAMES[2], contacts: '+7 701 000 0000' })
      .expect(201);
    const document = (await request(server).get('/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.keys(methods)
        .filter((m) => ['get', 'post', 'put', 'delete'].includes(m))
        .map((method) => {
          // @Public() operations carry `security: [{}]`: they need no token (sign-in, invitations).
          const security = (methods[method] as { security?: object[] }).security;
          const isPublic = security?.some((s) => Object.keys(s).length === 0) ?? false;
          return { method, path, isPublic };
        }),
    );
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    jest.restoreAllMocks();
    await rm(dir, { recursive: true, force: true });
  });

  const call = (op: Operation, path: string, token?: string) => {
    const req = request(server)[op.method as 'get'](path);
    return token === undefined ? req : req.set('Authorization', `Bearer ${token}`);
  };

  const expectClientError = (res: request.Response, what: string) => {
    if (res.status >= 500) throw new Error(`${what}: ${res.status} ${res.text.slice(0, 300)}`);
    if (res.status >= 400) {
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
  };

  // Path parameters replaced by hostile text, as every role.
  it('answers hostile ids in every path with a 4xx', async () => {
    const withParams = operations.filter((op) => op.path.includes('{'));
    expect(withParams.length).toBeGreaterThan(10);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...withParams),
        fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 40 }), fc.uuid()),
        fc.constantFrom(...Object.values(ngo.tokens)),
        async (op, id, token) => {
          // Raw, undecoded: percent sequences and dots reach the router as a client sent them.
          const raw =
            /^[\x21-\x7e]*$/.test(id) && !id.includes('/') && !id.includes('?') && !id.includes('#')
              ? id
              : encodeURIComponent(id);
          const path = op.path.replace(/\{[^}]+\}/g, raw === '' ? '%20' : raw);
          const res = await call(op, path, token).send(op.method === 'get' ? undefined : {});
          expectClientError(res, `${op.method} ${path}`);
          expect(res.status).toBeGreaterThanOrEqual(op.method === 'get' ? 200 : 400);
        },
      ),
      { numRuns: 150 },
    );
  }, 120_000);

  it('answers hostile JSON bodies on every write with a 4xx (or a success, when one happens to be valid)', async () => {
    const writes = operations.filter((op) => op.method !== 'get');
    const body = fc.oneof(
      fc.jsonValue({ maxDepth: 3 }),
      fc.dictionary(
        fc.constantFrom(
          'name',
          'title',
          'role',
          'field',
          'value',
          'reason',
          'alias',
          'queries',
          'enabled',
        ),
        fc.oneof(fc.constantFrom(...HOSTILE), fc.jsonValue({ maxDepth: 2 })),
      ),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...writes), body, async (op, payload) => {
        const path = op.path.replace(/\{[^}]+\}/g, incidentId);
        const res = await call(op, path, ngo.tokens.admin)
          .set('Content-Type', 'application/json')
          .send(JSON.stringify(payload));
        expectClientError(res, `${op.method} ${path}`);
      }),
      { numRuns: 150 },
    );
  }, 120_000);

  it('answers 10 MB bodies, broken UTF-8 and broken JSON with a 4xx on every write', async () => {
    const writes = operations.filter((op) => op.method !== 'get');
    const samples: [string, Buffer | string][] = [
      ['application/json', Buffer.from([0x7b, 0x22, 0xc3, 0x28, 0x22, 0x3a, 0x31, 0x7d])],
      [
        'application/json',
        Buffer.from([0x7b, 0x22, 0x6e, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
      ],
      ['application/json', '{"name": '],
      ['application/json; charset=latin1', '{"name":"x"}'],
      ['text/plain', 'name=x'],
    ];
    // 10 MB costs time to send: a few routes show the limit is the parser's, not a route's.
    const tenMegabytes = `"${'a'.repeat(10 * 1024 * 1024)}"`;
    for (const path of ['/incidents', '/workspaces', `/incidents/${incidentId}/corrections`]) {
      const res = await request(server)
        .post(path)
        .set('Authorization', `Bearer ${ngo.tokens.admin}`)
        .set('Content-Type', 'application/json')
        .send(tenMegabytes);
      expectClientError(res, `POST ${path} 10 MB`);
      expect(res.status).toBe(413);
    }
    for (const op of writes) {
      const path = op.path.replace(/\{[^}]+\}/g, incidentId);
      for (const [type, payload] of samples) {
        const res = await call(op, path, ngo.tokens.admin).set('Content-Type', type).send(payload);
        expectClientError(res, `${op.method} ${path} ${type}`);
        expect(res.status).toBeGreaterThanOrEqual(400);
      }
    }
    // Broken UTF-8 in the path and the query.
    for (const path of ['/incidents/%C3%28', '/stats?measure=%FF%FE', `/incidents?q=%E0%A4%A`]) {
      expectClientError(
        await request(server).get(path).set('Authorization', `Bearer ${ngo.tokens.admin}`),
        path,
      );
    }
  }, 120_000);

  // Last: past a number of failures, unknown tokens from this address are refused with 429.
  it('answers hostile tokens with 401 or 429, never quoting them', async () => {
    const token = fc.oneof(
      fc.constantFrom(...HOSTILE),
      fc.string({ minLength: 1, maxLength: 200 }),
      fc.stringMatching(/^rl_[0-9a-f]{32}_[A-Za-z0-9_-]{43}$/),
      fc.constant(`rl_${ngo.userIds.admin.replace(/-/g, '')}_${'A'.repeat(43)}`),
      fc.constant(`${TEST_ADMIN_TOKEN}x`),
      fc.constant('x'.repeat(20_000)),
    );
    const routes = operations.filter((op) => !op.path.includes('{') && op.path !== '/health');
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes), token, async (op, value) => {
        const header = `Bearer ${value.replace(/[^\x20-\x7e]/g, '')}`;
        const res = await request(server)[op.method as 'get'](op.path).set('Authorization', header);
        if (op.isPublic || op.path === '/public/stats' || op.path === '/docs-json') return; // need no token
        // 431: Node's own answer to a header too large to read.
        expect([401, 429, 431]).toContain(res.status);
        if (res.status !== 431)
          expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
        if (value.length > 8) expect(res.text).not.toContain(value);
      }),
      { numRuns: 100 },
    );
  }, 120_000);

  it('logged and printed no token and no name', () => {
    const output = [...logger.lines, ...written].join('\n');
    for (const token of tokens) expect(output).not.toContain(token);
    // The secret part of issued tokens, on its own.
    for (const token of tokens.filter((t) => t.length === 79))
      expect(output).not.toContain(token.slice(36));
    for (const name of NAMES) {
      expect(output).not.toContain(name);
      expect(output).not.toContain(name.split(' ')[1]);
    }
    expect(output).not.toContain('+7 701');
  });
});
