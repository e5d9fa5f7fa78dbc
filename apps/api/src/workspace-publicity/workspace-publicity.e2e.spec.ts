import request from 'supertest';
import { startTestApp, TestApp } from '../../../../test/support/test-app';
import { createTestWorkspace, TestWorkspace } from '../../../../test/support/workspaces';

describe('GET and PUT /workspaces/{id}/public', () => {
  let t: TestApp;
  let ws: TestWorkspace;
  const path = () => `/workspaces/${ws.id}/public`;
  const asAdmin = () => ({ Authorization: `Bearer ${ws.tokens.admin}` });

  beforeAll(async () => {
    t = await startTestApp('pglite');
    ws = await createTestWorkspace(t.server, 'Publicity NGO', ['analyst']);
  });
  afterAll(async () => t?.close());

  it('answers what was last set: off at first, then on, then off again', async () => {
    const first = await request(t.server).get(path()).set(asAdmin()).expect(200);
    expect(first.body).toEqual({ workspaceId: ws.id, enabled: false });
    for (const enabled of [true, false, true]) {
      await request(t.server).put(path()).set(asAdmin()).send({ enabled }).expect(200);
      const now = await request(t.server).get(path()).set(asAdmin()).expect(200);
      expect(now.body).toEqual({ workspaceId: ws.id, enabled });
    }
  });

  it("answers another workspace's admin 404, as for an unknown workspace", async () => {
    const other = await createTestWorkspace(t.server, 'Other NGO', []);
    const response = await request(t.server)
      .get(path())
      .set({ Authorization: `Bearer ${other.tokens.admin}` })
      .expect(404);
    expect(response.body.code).toBe('workspace_not_found');
  });
});
