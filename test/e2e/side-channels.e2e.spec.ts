import request from 'supertest';
import { startTestApp, TestApp } from '../support/test-app';
import { createTestWorkspace, TestWorkspace } from '../support/workspaces';
import { CachedStats } from '../../apps/api/src/statistics/cached-stats';

/**
 * Acceptance (issue 19): callers without names get one suppression rule, and the public
 * answer of a workspace tells nothing of other workspaces' activity.
 */
describe('side channels: public callers and other workspaces', () => {
  let t: TestApp;
  let a: TestWorkspace;
  let b: TestWorkspace;
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  const QUERY = 'measure=incidents&groupBy=country';

  /** Records an incident and waits (as its monitor) until the statistics include it. */
  const record = async (ws: TestWorkspace, country: string) => {
    const created = await request(t.server)
      .post('/incidents')
      .set(bearer(ws.tokens.monitor))
      .send({
        title: 'Detention after a rally',
        country,
        occurred: { date: '2020-02', precision: 'month' },
        type: 'detention',
      })
      .expect(201);
    await request(t.server)
      .get(`/stats?measure=incidents&after=${created.body.position}`)
      .set(bearer(ws.tokens.monitor))
      .expect(200);
  };
  const publicAnswer = async () =>
    (await request(t.server).get(`/public/stats?workspace=${a.id}&${QUERY}`).expect(200)).body;

  beforeAll(async () => {
    t = await startTestApp('postgres');
    a = await createTestWorkspace(t.server, 'NGO A');
    b = await createTestWorkspace(t.server, 'NGO B');
    await request(t.server)
      .put(`/workspaces/${a.id}/public`)
      .set(bearer(a.tokens.admin))
      .send({ enabled: true })
      .expect(200);
    for (let i = 0; i < 7; i += 1) await record(a, 'KZ');
    for (let i = 0; i < 2; i += 1) await record(a, 'KG');
  }, 120_000);
  afterAll(async () => t?.close());

  it('gives a public-role token exactly the cells /public/stats gives', async () => {
    const page = await publicAnswer();
    // Without suppression: 7 and 2, total 9. With it: the 2 is "<5", and the 7 too, or the
    // total would reveal it.
    const cells = Object.fromEntries(
      page.rows.map((r: { keys: { country: string }; value: unknown }) => [
        r.keys.country,
        r.value,
      ]),
    );
    expect(cells).toEqual({ KG: '<5', KZ: 'suppressed' });
    const viaToken = await request(t.server)
      .get(`/stats?${QUERY}`)
      .set(bearer(a.tokens.public))
      .expect(200);
    expect(viaToken.body).toEqual(page);
    // An analyst still gets the counts.
    const analyst = await request(t.server)
      .get(`/stats?${QUERY}`)
      .set(bearer(a.tokens.analyst))
      .expect(200);
    expect(analyst.body.total).toBe(9);
  });

  it("does not change A's public answer when only B records", async () => {
    const before = await publicAnswer();
    const analystBefore = (
      await request(t.server).get(`/stats?${QUERY}`).set(bearer(a.tokens.analyst)).expect(200)
    ).body;
    await record(b, 'KZ');
    await record(b, 'TJ');
    expect(await publicAnswer()).toEqual(before);
    // The global position an analyst sees did move: the public one is the workspace's own.
    const analystAfter = (
      await request(t.server).get(`/stats?${QUERY}`).set(bearer(a.tokens.analyst)).expect(200)
    ).body;
    expect(analystAfter.position > analystBefore.position).toBe(true);
    // And the public version reproduces the answer.
    const asOf = await request(t.server)
      .get(`/public/stats?workspace=${a.id}&${QUERY}&asOf=${before.position}`)
      .expect(200);
    expect(asOf.body.rows).toEqual(before.rows);
  });

  it("refuses public positions past the workspace's own version, without naming the head", async () => {
    const { position } = await publicAnswer();
    const head = (
      await request(t.server).get(`/stats?${QUERY}`).set(bearer(b.tokens.analyst)).expect(200)
    ).body.position as string;
    expect(head > position).toBe(true);
    const refused = await request(t.server)
      .get(`/public/stats?workspace=${a.id}&${QUERY}&asOf=${head}`)
      .expect(400);
    expect(refused.body.errors[0]).toMatchObject({ field: 'asOf' });
    expect(refused.text).not.toContain(head);
  });

  it('lets callers without names filter by the declared tags only', async () => {
    await request(t.server)
      .put(`/workspaces/${a.id}/tags`)
      .set(bearer(a.tokens.analyst))
      .send({ tags: ['almaty-rally'] })
      .expect(403);
    await request(t.server)
      .put(`/workspaces/${a.id}/tags`)
      .set(bearer(a.tokens.admin))
      .send({ tags: ['almaty-rally'] })
      .expect(200);
    const listed = await request(t.server)
      .get(`/workspaces/${a.id}/tags`)
      .set(bearer(a.tokens.public))
      .expect(200);
    expect(listed.body.tags).toEqual(['almaty-rally']);
    for (const token of [a.tokens.analyst, a.tokens.public]) {
      await request(t.server)
        .get(`/stats?${QUERY}&tag=almaty-rally`)
        .set(bearer(token))
        .expect(200);
      const refused = await request(t.server)
        .get(`/stats?${QUERY}&tag=zhanar-fuzzbekova`)
        .set(bearer(token))
        .expect(400);
      expect(refused.body.errors[0].field).toBe('tag');
    }
    await request(t.server)
      .get(`/public/stats?workspace=${a.id}&${QUERY}&tag=zhanar-fuzzbekova`)
      .expect(400);
    // Roles that see names anyway search any tag.
    await request(t.server)
      .get(`/stats?${QUERY}&tag=zhanar-fuzzbekova`)
      .set(bearer(a.tokens.monitor))
      .expect(200);
  });

  it('tags public answers by the workspace version: a 304 has no body, only its own records move it', async () => {
    const url = `/public/stats?workspace=${a.id}&${QUERY}`;
    const first = await request(t.server).get(url).expect(200);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^W\/"/);
    expect(etag).not.toContain(first.body.position);
    expect(first.headers['cache-control']).toBe('public, max-age=10');
    const revalidated = await request(t.server).get(url).set('If-None-Match', etag).expect(304);
    expect(revalidated.text).toBe('');
    expect(revalidated.headers['content-type']).toBeUndefined();
    expect(revalidated.headers.etag).toBe(etag);

    await record(b, 'KZ');
    await request(t.server).get(url).set('If-None-Match', etag).expect(304);
    await record(a, 'KG');
    const moved = await request(t.server).get(url).set('If-None-Match', etag).expect(200);
    expect(moved.headers.etag).not.toBe(etag);
    expect(moved.body.position > first.body.position).toBe(true);
    // Asked with no-cache, the full answer comes even for a current tag.
    await request(t.server)
      .get(url)
      .set({ 'If-None-Match': moved.headers.etag, 'Cache-Control': 'no-cache' })
      .expect(200);
  });

  it('tags signed-in answers by the read model position and the role, privately', async () => {
    const url = `/stats?${QUERY}`;
    const analyst = await request(t.server).get(url).set(bearer(a.tokens.analyst)).expect(200);
    expect(analyst.headers['cache-control']).toBe('private, no-cache');
    const token = await request(t.server).get(url).set(bearer(a.tokens.public)).expect(200);
    expect(token.headers.etag).not.toBe(analyst.headers.etag);
    const csv = await request(t.server)
      .get(url)
      .set({ ...bearer(a.tokens.analyst), Accept: 'text/csv' })
      .expect(200);
    expect(csv.headers.etag).not.toBe(analyst.headers.etag);
    const again = await request(t.server)
      .get(url)
      .set({ ...bearer(a.tokens.analyst), 'If-None-Match': analyst.headers.etag })
      .expect(304);
    expect(again.text).toBe('');
    // Another workspace's write moves the global position a signed-in answer stands at.
    await record(b, 'TJ');
    const later = await request(t.server)
      .get(url)
      .set({ ...bearer(a.tokens.analyst), 'If-None-Match': analyst.headers.etag })
      .expect(200);
    expect(later.body.position > analyst.body.position).toBe(true);
    expect(later.body.rows).toEqual(analyst.body.rows);
  });

  it('runs the query once for identical public requests arriving together', async () => {
    const cache = t.app.get(CachedStats);
    const url = `/public/stats?workspace=${a.id}&measure=acts&groupBy=year`;
    const before = { ...cache.counters };
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => request(t.server).get(url).expect(200)),
    );
    expect(new Set(answers.map((r) => r.text)).size).toBe(1);
    expect(new Set(answers.map((r) => r.headers.etag)).size).toBe(1);
    const after = cache.counters;
    expect(after.computed - before.computed).toBe(1);
    expect(after.hits + after.joined - before.hits - before.joined).toBe(7);
  });

  it('answers 404 once a workspace stops publishing, its answers cached or not', async () => {
    const url = `/public/stats?workspace=${a.id}&${QUERY}`;
    const { etag } = (await request(t.server).get(url).expect(200)).headers;
    await request(t.server)
      .put(`/workspaces/${a.id}/public`)
      .set(bearer(a.tokens.admin))
      .send({ enabled: false })
      .expect(200);
    await request(t.server).get(url).expect(404);
    await request(t.server).get(url).set('If-None-Match', etag).expect(404);
  });
});
