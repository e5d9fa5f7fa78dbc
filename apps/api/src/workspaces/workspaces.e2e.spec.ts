import request from 'supertest';
import { SQL_CLIENT, SqlClient } from '@app/database';
import { startTestApp, TEST_ADMIN_TOKEN, TestApp } from '../../../../test/support/test-app';
import { createTestWorkspace, TestWorkspace } from '../../../../test/support/workspaces';

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

describe('workspaces, users and tokens', () => {
  let t: TestApp;
  let ngo: TestWorkspace;

  beforeAll(async () => {
    t = await startTestApp('postgres');
    ngo = await createTestWorkspace(t.server, 'Kadyr-Kasiyet');
  }, 60_000);
  afterAll(async () => t?.close());

  const me = (token: string) => request(t.server).get('/me').set(bearer(token));

  it('lets the deployment admin create a workspace whose admin token works at once', async () => {
    const res = await request(t.server)
      .post('/workspaces')
      .set(t.auth)
      .send({ name: '  Freedom Now  ' })
      .expect(201);

    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      name: 'Freedom Now',
      adminUserId: expect.any(String),
      adminTokenId: expect.any(String),
      adminToken: expect.stringMatching(/^rl_[0-9a-f]{32}_[A-Za-z0-9_-]{43}$/),
    });
    const who = await me(res.body.adminToken).expect(200);
    expect(who.body).toEqual({
      userId: res.body.adminUserId,
      userName: 'admin',
      workspaceId: res.body.id,
      role: 'admin',
    });
  });

  it("refuses POST /workspaces to a workspace's admin and every other role (403)", async () => {
    for (const token of Object.values(ngo.tokens)) {
      const res = await request(t.server)
        .post('/workspaces')
        .set(bearer(token))
        .send({ name: 'x' });
      expect(res.status).toBe(403);
      expect(res.body.detail).toMatch(/deployment admin/);
    }
  });

  it('gives each new user the role asked for, and lists users without any secret', async () => {
    for (const role of ['admin', 'monitor', 'verifier', 'analyst', 'public'] as const) {
      expect((await me(ngo.tokens[role]).expect(200)).body).toMatchObject({
        role,
        workspaceId: ngo.id,
      });
    }
    const list = await request(t.server)
      .get(`/workspaces/${ngo.id}/users`)
      .set(bearer(ngo.tokens.admin))
      .expect(200);

    expect(list.body.users.map((u: { role: string }) => u.role)).toEqual([
      'admin',
      'monitor',
      'verifier',
      'analyst',
      'public',
    ]);
    expect(list.body.users[1]).toEqual({
      id: ngo.userIds.monitor,
      name: 'monitor',
      role: 'monitor',
      secondFactorEnrolled: false,
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      tokens: [
        {
          id: expect.any(String),
          createdAt: expect.any(String),
          expiresAt: null,
          revokedAt: null,
          lastUsedAt: expect.any(String),
        },
      ],
    });
    const text = JSON.stringify(list.body);
    for (const token of Object.values(ngo.tokens)) expect(text).not.toContain(token.slice(36));
    expect(text).not.toContain('argon2');
  });

  it('answers 404 for another workspace, also to the deployment admin', async () => {
    const other = await request(t.server).get('/me').set(t.auth).expect(200);
    for (const [token, workspace] of [
      [ngo.tokens.admin, other.body.workspaceId],
      [TEST_ADMIN_TOKEN, ngo.id],
    ]) {
      await request(t.server).get(`/workspaces/${workspace}/users`).set(bearer(token)).expect(404);
      await request(t.server)
        .post(`/workspaces/${workspace}/users`)
        .set(bearer(token))
        .send({ name: 'intruder', role: 'monitor' })
        .expect(404);
    }
    await request(t.server)
      .get('/workspaces/00000000-0000-4000-8000-000000000000/users')
      .set(bearer(ngo.tokens.admin))
      .expect(404);
  });

  it('refuses bad users with 400 naming the field', async () => {
    const post = (body: object) =>
      request(t.server)
        .post(`/workspaces/${ngo.id}/users`)
        .set(bearer(ngo.tokens.admin))
        .send(body);

    const badRole = await post({ name: 'x', role: 'root' }).expect(400);
    expect(badRole.body.errors).toEqual([
      expect.objectContaining({
        field: 'role',
        allowed: ['admin', 'monitor', 'verifier', 'analyst', 'public'],
      }),
    ]);
    expect((await post({ name: '', role: 'monitor' }).expect(400)).body.errors[0].field).toBe(
      'name',
    );
    expect(
      (await post({ name: 'a\u0000b', role: 'monitor' }).expect(400)).body.errors[0].field,
    ).toBe('name');
    const past = await post({
      name: 'x',
      role: 'monitor',
      expiresAt: '2020-01-01T00:00:00Z',
    }).expect(400);
    expect(past.body.errors).toEqual([{ field: 'expiresAt', message: 'must be in the future' }]);
    await request(t.server)
      .get('/workspaces/not-a-uuid/users')
      .set(bearer(ngo.tokens.admin))
      .expect(400);
  });

  it('stops a token at its expiry', async () => {
    const expiresAt = new Date(Date.now() + 1_500).toISOString();
    const res = await request(t.server)
      .post(`/workspaces/${ngo.id}/users`)
      .set(bearer(ngo.tokens.admin))
      .send({ name: 'short-lived', role: 'analyst', expiresAt })
      .expect(201);
    expect(res.body.expiresAt).toBe(expiresAt);
    await me(res.body.token).expect(200);
    await new Promise((done) => setTimeout(done, 1_600));
    await me(res.body.token).expect(401);
  });

  it('revokes a token of its workspace at once; other workspaces and unknown ids get 404', async () => {
    const created = await request(t.server)
      .post(`/workspaces/${ngo.id}/users`)
      .set(bearer(ngo.tokens.admin))
      .send({ name: 'leaving', role: 'monitor' })
      .expect(201);
    await me(created.body.token).expect(200);

    const other = await createTestWorkspace(t.server, 'Elsewhere', []);
    await request(t.server)
      .delete(`/tokens/${created.body.tokenId}`)
      .set(bearer(other.tokens.admin))
      .expect(404);
    await request(t.server)
      .delete(`/tokens/${created.body.tokenId}`)
      .set(bearer(ngo.tokens.monitor))
      .expect(403);
    await me(created.body.token).expect(200);

    await request(t.server)
      .delete(`/tokens/${created.body.tokenId}`)
      .set(bearer(ngo.tokens.admin))
      .expect(204);

    await me(created.body.token).expect(401);
    await request(t.server)
      .delete(`/tokens/${created.body.tokenId}`)
      .set(bearer(ngo.tokens.admin))
      .expect(404);
  });

  it('keeps only argon2id hashes of tokens', async () => {
    const sql = t.app.get<SqlClient>(SQL_CLIENT);
    const { rows } = await sql.query<{ secret_hash: string }>('SELECT secret_hash FROM api_tokens');
    expect(rows.length).toBeGreaterThan(5);
    for (const row of rows) expect(row.secret_hash).toMatch(/^\$argon2id\$v=19\$/);
  });
});
