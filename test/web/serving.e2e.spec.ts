import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import request from 'supertest';
import { WEB_APP_DIST } from '../../apps/api/src/web-app/serve-web-app';
import { startTestApp, TestApp } from '../support/test-app';

const navigate = { 'Sec-Fetch-Mode': 'navigate', Accept: 'text/html,application/xhtml+xml' };

/** The API serves the built web app at / while every API path stays the API's. */
describe('the web app served by the API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('postgres');
  }, 120_000);
  afterAll(async () => t?.close());

  it.each([
    '/',
    '/cases/new',
    '/cases/6f1c1a52-3b9e-4c55-9d0e-2f7f1a0c9e11',
    '/snapshots',
    '/figures/x',
  ])('answers a page navigation to %s with the app, under the CSP', async (path) => {
    const res = await request(t.server).get(path).set(navigate).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.text).toContain('<div id="root"></div>');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    // The page loads scripts from /assets only, none inline (the CSP would block them).
    expect(res.text).not.toMatch(/<script>[^<]/);
  });

  it('leaves the API paths to the API for scripts and the app itself', async () => {
    const snapshots = await request(t.server).get('/snapshots').set(t.auth).expect(200);
    expect(snapshots.body).toHaveProperty('snapshots');
    const health = await request(t.server).get('/health').expect(200);
    expect(health.headers['content-type']).toMatch(/json/);
    const docs = await request(t.server).get('/docs/').set(navigate).expect(200);
    expect(docs.text).toContain('swagger');
    await request(t.server).get('/docs-json').expect(200).expect('Content-Type', /json/);
    const publicStats = await request(t.server)
      .get('/public/stats')
      .set('Accept', 'application/json');
    expect(publicStats.status).toBe(400);
    expect(publicStats.headers['content-type']).toMatch(/^application\/problem\+json/);
    // A navigation that is not a GET is never a page.
    const post = await request(t.server).post('/').set(navigate).send({});
    expect(post.headers['content-type']).not.toMatch(/html/);
  });

  it('serves the hashed assets for a year, and a missing one as a 404 problem', async () => {
    const script = (await readdir(join(WEB_APP_DIST, 'assets'))).find((f) => f.endsWith('.js'))!;
    const res = await request(t.server)
      .get(`/assets/${script}`)
      .set('Accept-Encoding', 'identity')
      .expect(200);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toContain('immutable');
    expect(res.headers['content-encoding']).toBeUndefined();
    const missing = await request(t.server).get('/assets/nothing-here.js').expect(404);
    expect(missing.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('sends a browser that accepts gzip the compressed script, the same code in fewer bytes', async () => {
    const assets = join(WEB_APP_DIST, 'assets');
    const script = (await readdir(assets)).find((f) => /^index-.*\.js$/.test(f))!;
    const res = await request(t.server)
      .get(`/assets/${script}`)
      .set('Accept-Encoding', 'gzip, deflate, br')
      .expect(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['content-type']).toMatch(/^text\/javascript/);
    expect(res.headers['vary']).toMatch(/Accept-Encoding/);
    expect(res.headers['cache-control']).toContain('immutable');
    const plain = await readFile(join(assets, script), 'utf8');
    expect(res.text).toBe(plain);
    const sent = Number(res.headers['content-length']);
    expect(sent).toBe((await stat(join(assets, `${script}.gz`))).size);
    expect(sent).toBeLessThan(plain.length / 2);
  });
});
