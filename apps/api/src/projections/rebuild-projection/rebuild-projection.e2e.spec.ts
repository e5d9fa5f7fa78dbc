import request from 'supertest';
import { tokenInNewWorkspace } from '../../../../../test/support/workspaces';
import { startTestApp, TestApp } from '../../../../../test/support/test-app';

describe.each(['pglite', 'postgres'] as const)(
  'POST /projections/incident-facts/rebuild (%s)',
  (backend) => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp(backend);
    });
    afterAll(async () => t?.close());

    it('rebuilds in the background while the figures stay the same, and reports progress', async () => {
      let last = '';
      for (let i = 0; i < 15; i++) {
        const res = await request(t.server)
          .post('/incidents')
          .set(t.auth)
          .send({
            title: `Case ${i}`,
            country: 'KG',
            occurred: { date: '2020-10', precision: 'month' },
            type: 'detention',
            targets: [{ person: { name: `Protester ${i}` }, category: 'protester' }],
          })
          .expect(201);
        last = res.body.position;
      }
      const query = `/stats?measure=acts&groupBy=targetCategory&after=${last}`;
      const before = (await request(t.server).get(query).set(t.auth).expect(200)).body;

      const started = await request(t.server)
        .post('/projections/incident-facts/rebuild')
        .set(t.auth)
        .expect(202);
      expect(started.body).toMatchObject({ state: 'rebuilding' });
      let status: { state: string; events: number; version?: number } | undefined;
      const deadline = Date.now() + 30_000;
      do {
        await new Promise((r) => setTimeout(r, 50));
        [{ rebuild: status }] = (
          await request(t.server).get('/projections').set(t.auth).expect(200)
        ).body;
      } while (status?.state === 'rebuilding' && Date.now() < deadline);
      // 15 incidents and their 15 inline persons: the projection reads persons for their merges.
      expect(status).toMatchObject({ state: 'done', events: 30, version: 2 });

      const after = (await request(t.server).get(query).set(t.auth).expect(200)).body;
      expect(after.rows).toEqual(before.rows);
      expect(after.total).toBe(15);
    });

    it('refuses an unknown projection and a monitor', async () => {
      const unknown = await request(t.server)
        .post('/projections/nope/rebuild')
        .set(t.auth)
        .expect(400);
      expect(unknown.body.errors[0]).toMatchObject({ field: 'name', allowed: ['incident-facts'] });
      const token = await tokenInNewWorkspace(t.app); // a monitor
      await request(t.server)
        .post('/projections/incident-facts/rebuild')
        .set('Authorization', `Bearer ${token}`)
        .expect(403);
    });
  },
);
