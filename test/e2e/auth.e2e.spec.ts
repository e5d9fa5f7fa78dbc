import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppProcess, freePort, waitForHttp } from '../support/api-process';

const API = 'apps/api/src/main.ts';
// PGlite alone takes 15-25 s to open on a loaded two-core machine.
const STARTUP_MS = 60_000;
const PRINTED = /Admin token \(shown once, store it now\): (rl_[0-9a-f]{32}_[A-Za-z0-9_-]{43})\n/g;

interface Api {
  app: AppProcess;
  url: string;
}

async function startApi(env: Record<string, string>): Promise<Api> {
  const port = await freePort();
  const app = AppProcess.start(API, { ...env, PORT: String(port) });
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(app, `${url}/health`, STARTUP_MS);
  return { app, url };
}

function me(api: Api, authorization?: string): Promise<Response> {
  return fetch(`${api.url}/me`, {
    headers: authorization === undefined ? {} : { Authorization: authorization },
  });
}

const output = (app: AppProcess) => app.stdout + app.stderr;
const occurrences = (text: string, token: string) => text.split(token).length - 1;

async function expectUnauthorized(response: Response): Promise<string> {
  expect(response.status).toBe(401);
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(response.headers.get('www-authenticate')).toMatch(/^Bearer\b/);
  const text = await response.text();
  expect(JSON.parse(text)).toMatchObject({ status: 401, title: 'Unauthorized', instance: '/me' });
  return text;
}

describe('authentication, embedded mode with BOOTSTRAP_ADMIN_TOKEN', () => {
  // Random per run, so nothing but this test can know it.
  const token = `e2e-${randomBytes(24).toString('base64url')}`;
  let dataDir: string;
  let api: Api;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'rights-ledger-auth-'));
    api = await startApi({ PGLITE_DIR: join(dataDir, 'pglite'), BOOTSTRAP_ADMIN_TOKEN: token });
  }, STARTUP_MS + 10_000);

  afterAll(async () => {
    await api?.app.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('answers GET /me with the token: the admin, its workspace and role', async () => {
    const response = await me(api, `Bearer ${token}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      userId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      userName: 'admin',
      workspaceId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      role: 'admin',
    });
  });

  it('answers 401 problem+json without a token', async () => {
    await expectUnauthorized(await me(api));
  });

  it('answers 401 to a wrong or malformed token, never quoting it', async () => {
    const wrong = `rl_${randomBytes(32).toString('base64url')}`;
    expect(await expectUnauthorized(await me(api, `Bearer ${wrong}`))).not.toContain(wrong);
    expect(await expectUnauthorized(await me(api, token))).not.toContain(token);
    expect(await expectUnauthorized(await me(api, `Basic ${token}`))).not.toContain(token);
  });

  it('serves /health, /docs and /docs-json without a token', async () => {
    expect((await fetch(`${api.url}/health`)).status).toBe(200);
    expect((await fetch(`${api.url}/docs`)).status).toBe(200);
    const response = await fetch(`${api.url}/docs-json`);
    expect(response.status).toBe(200);
    const document = (await response.json()) as {
      security: unknown;
      paths: Record<string, { get: { security?: unknown; responses: Record<string, unknown> } }>;
    };
    expect(document.security).toEqual([{ bearer: [] }, { session: [] }]);
    expect(document.paths['/me']?.get.responses).toHaveProperty('401');
    expect(document.paths['/health']?.get.security).toEqual([{}]);
  });

  it('prints no token and logs nothing of the bootstrap token', () => {
    expect(output(api.app)).not.toContain('Admin token');
    expect(output(api.app)).not.toContain(token);
  });
});

describe('authentication, embedded mode without BOOTSTRAP_ADMIN_TOKEN', () => {
  let dataDir: string;
  const started: Api[] = [];

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'rights-ledger-auth-'));
  });

  afterAll(async () => {
    await Promise.all(started.map((api) => api.app.stop()));
    await rm(dataDir, { recursive: true, force: true });
  });

  const start = async (env: Record<string, string> = {}) => {
    const api = await startApi({ PGLITE_DIR: join(dataDir, 'pglite'), ...env });
    started.push(api);
    return api;
  };

  it(
    'prints a token once on the first start; the next start prints none and it still works',
    async () => {
      const first = await start();
      const blocks = [...first.app.stdout.matchAll(PRINTED)];
      expect(blocks).toHaveLength(1);
      const token = blocks[0]?.[1] as string;

      const response = await me(first, `Bearer ${token}`);
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ userName: 'admin', role: 'admin' });
      // In the block and nowhere else in the output.
      expect(occurrences(output(first.app), token)).toBe(1);
      // `npm start` adds 8 lines of its own (script names, the web build check): with these,
      // at most 15 lines come before the block, so a newcomer sees it without scrolling.
      const beforeBlock = output(first.app).split('=====')[0]?.trimEnd().split('\n') ?? [];
      expect(beforeBlock.length).toBeLessThanOrEqual(7);
      expect(output(first.app)).not.toContain('Mapped {');
      await first.app.stop();

      // LOG_LEVEL=debug brings back the framework's detail, the route table included.
      const second = await start({ LOG_LEVEL: 'debug' });
      expect(output(second.app)).toContain('Mapped {/health, GET} route');
      expect(second.app.stdout).not.toContain('Admin token');
      expect((await me(second, `Bearer ${token}`)).status).toBe(200);
      await expectUnauthorized(await me(second));
      expect(output(second.app)).not.toContain(token);
      expect(occurrences(output(first.app), token)).toBe(1);
    },
    2 * STARTUP_MS + 20_000,
  );
});

describe('start-up with a bad BOOTSTRAP_ADMIN_TOKEN', () => {
  it('stops with one line naming the variable, without echoing the value', async () => {
    const value = 'short secret';
    const app = AppProcess.start(API, { BOOTSTRAP_ADMIN_TOKEN: value });
    expect(await app.exited).toEqual({ code: 1, signal: null });
    expect(app.stderr).toMatch(/^[^\n]*BOOTSTRAP_ADMIN_TOKEN[^\n]*at least 24[^\n]*\n$/);
    expect(output(app)).not.toContain(value);
  });
});
