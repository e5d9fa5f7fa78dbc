import request from 'supertest';
import { startTestApp, TestApp } from '../support/test-app';
import { createTestWorkspace, TestWorkspace } from '../support/workspaces';

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
    t = await startTestApp('pglite');
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
});
