import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { Role } from '@app/auth';
import { TEST_ADMIN_TOKEN } from './test-app';

type Server = Parameters<typeof request>[0];

export interface TestWorkspace {
  id: string;
  /** A token per role; `admin` is the workspace's first admin. */
  tokens: Record<Role, string>;
  userIds: Record<Role, string>;
}

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/**
 * A new workspace created through the API as the deployment admin (TEST_ADMIN_TOKEN), with a
 * user and token for every role.
 */
export async function createTestWorkspace(
  server: Server,
  name = 'Another NGO',
  roles: readonly Role[] = ['monitor', 'verifier', 'analyst', 'public'],
): Promise<TestWorkspace> {
  const created = await request(server)
    .post('/workspaces')
    .set(bearer(TEST_ADMIN_TOKEN))
    .send({ name });
  if (created.status !== 201) throw new Error(`POST /workspaces: ${created.status}`);
  const { id, adminToken, adminUserId } = created.body as {
    id: string;
    adminToken: string;
    adminUserId: string;
  };
  const tokens = { admin: adminToken } as Record<Role, string>;
  const userIds = { admin: adminUserId } as Record<Role, string>;
  for (const role of roles) {
    const user = await request(server)
      .post(`/workspaces/${id}/users`)
      .set(bearer(adminToken))
      .send({ name: role, role });
    if (user.status !== 201) throw new Error(`POST /workspaces/:id/users: ${user.status}`);
    tokens[role] = user.body.token;
    userIds[role] = user.body.userId;
  }
  return { id, tokens, userIds };
}

/**
 * A token of the admin of a new workspace (it may do anything there), for checks that
 * workspaces stay apart.
 */
export async function tokenInNewWorkspace(app: INestApplication): Promise<string> {
  return (await createTestWorkspace(app.getHttpServer(), 'Another NGO', [])).tokens.admin;
}
