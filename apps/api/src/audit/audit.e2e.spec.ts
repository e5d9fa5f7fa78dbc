import request from 'supertest';
import { SQL_CLIENT, SqlClient } from '@app/database';
import { startTestApp, TestApp } from '../../../../test/support/test-app';
import { createTestWorkspace, TestWorkspace } from '../../../../test/support/workspaces';

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const VICTIM = 'Aigerim Sarsenbayeva';
const TITLE = 'Summons of a journalist in Shymkent';

describe('GET /audit and the audit trail', () => {
  let t: TestApp;
  let sql: SqlClient;
  let ngo: TestWorkspace;
  let other: TestWorkspace;
  let incidentId: string;
  let startedAt: string;

  const audit = (token: string, query = '') =>
    request(t.server).get(`/audit${query}`).set(bearer(token));

  beforeAll(async () => {
    t = await startTestApp('postgres');
    sql = t.app.get(SQL_CLIENT);
    ngo = await createTestWorkspace(t.server, 'Kadyr-Kasiyet');
    other = await createTestWorkspace(t.server, 'Elsewhere');
    startedAt = new Date().toISOString();
    const created = await request(t.server)
      .post('/incidents')
      .set(bearer(ngo.tokens.monitor))
      .send({
        title: TITLE,
        country: 'KZ',
        occurred: { date: '2020-03', precision: 'month' },
        type: 'summons',
        targets: [{ person: { name: VICTIM }, category: 'journalist' }],
      })
      .expect(201);
    incidentId = created.body.id;
    await request(t.server).get(`/incidents/${incidentId}`).set(bearer(ngo.tokens.verifier));
    await request(t.server)
      .post(`/incidents/${incidentId}/retraction`)
      .set(bearer(ngo.tokens.monitor))
      .send({ reason: 'duplicate_entry' })
      .expect(403);
    await request(t.server)
      .get(`/incidents/${incidentId}`)
      .set(bearer(other.tokens.admin))
      .expect(404);
    // Plain reads of aggregates are not audited.
    await request(t.server).get('/vocabularies').set(bearer(ngo.tokens.analyst)).expect(200);
    // Entries are written once the answer is sent.
    await new Promise((done) => setTimeout(done, 200));
  }, 60_000);
  afterAll(async () => t?.close());

  it('records who wrote and who read personal detail, newest first, for the admin', async () => {
    const res = await audit(ngo.tokens.admin).expect(200);

    expect(res.body.entries.slice(0, 3)).toEqual([
      {
        id: expect.stringMatching(/^\d+$/),
        at: expect.stringMatching(/^\d{4}-\d\d-\d\dT[\d:.]+Z$/),
        userId: ngo.userIds.monitor,
        role: 'monitor',
        action: 'POST /incidents/:id/retraction',
        targetId: incidentId,
        status: 403,
        correlationId: expect.any(String),
        // Only sign-in attempts record the client address.
        address: null,
      },
      expect.objectContaining({
        userId: ngo.userIds.verifier,
        role: 'verifier',
        action: 'GET /incidents/:id',
        targetId: incidentId,
      }),
      expect.objectContaining({
        userId: ngo.userIds.monitor,
        action: 'POST /incidents',
        targetId: incidentId,
        status: 201,
      }),
    ]);
    expect(res.body.entries.map((e: { action: string }) => e.action)).not.toContain(
      'GET /vocabularies',
    );
  });

  it('filters by user, action and period', async () => {
    const byUser = await audit(ngo.tokens.admin, `?userId=${ngo.userIds.verifier}`).expect(200);
    expect(byUser.body.entries).toHaveLength(1);

    const byAction = await audit(
      ngo.tokens.admin,
      `?action=${encodeURIComponent('POST /incidents')}`,
    ).expect(200);
    expect(byAction.body.entries).toEqual([expect.objectContaining({ targetId: incidentId })]);

    const before = await audit(ngo.tokens.admin, `?to=${encodeURIComponent(startedAt)}`).expect(
      200,
    );
    expect(before.body.entries.map((e: { action: string }) => e.action)).not.toContain(
      'POST /incidents',
    );
    const paged = await audit(ngo.tokens.admin, '?limit=1').expect(200);
    expect(paged.body.entries).toHaveLength(1);
    const next = await audit(ngo.tokens.admin, `?limit=1&cursor=${paged.body.next}`).expect(200);
    expect(Number(next.body.entries[0].id)).toBeLessThan(Number(paged.body.entries[0].id));

    await audit(ngo.tokens.admin, '?userId=someone').expect(400);
    await audit(ngo.tokens.admin, '?from=yesterday').expect(400);
    await audit(ngo.tokens.admin, '?limit=100000').expect(400);
  });

  it('shows a workspace admin its own workspace only; other roles get 403', async () => {
    const elsewhere = await audit(other.tokens.admin).expect(200);
    const text = JSON.stringify(elsewhere.body);
    expect(text).toContain('GET /incidents/:id'); // its own refused attempt
    expect(text).not.toContain(ngo.userIds.monitor);
    for (const role of ['monitor', 'verifier', 'analyst', 'public'] as const) {
      await audit(ngo.tokens[role]).expect(403);
    }
  });

  it('keeps no name, title or token in the audit table', async () => {
    const { rows } = await sql.query('SELECT * FROM audit_log');
    const text = JSON.stringify(rows);
    for (const secret of [VICTIM, 'Sarsenbayeva', TITLE, ...Object.values(ngo.tokens)]) {
      expect(text).not.toContain(secret);
    }
  });

  it('cannot be changed or deleted', async () => {
    for (const statement of [
      "UPDATE audit_log SET action = 'nothing'",
      'DELETE FROM audit_log',
      'TRUNCATE audit_log',
    ]) {
      await expect(sql.query(statement)).rejects.toThrow(/audit_log is append-only/);
    }
  });
});
