import { randomUUID } from 'node:crypto';
import { INestApplication } from '@nestjs/common';
import { TokenAuthService } from '@app/auth';
import { SQL_CLIENT, SqlClient } from '@app/database';

/**
 * A token of a monitor in a new workspace, for checks that workspaces stay apart (the API
 * cannot create workspaces yet).
 */
export async function tokenInNewWorkspace(app: INestApplication): Promise<string> {
  const sql = app.get<SqlClient>(SQL_CLIENT);
  const workspaceId = randomUUID();
  const userId = randomUUID();
  await sql.query('INSERT INTO workspaces (id, name) VALUES ($1, $2)', [
    workspaceId,
    'Another NGO',
  ]);
  await sql.query(
    "INSERT INTO users (id, workspace_id, name, role) VALUES ($1, $2, 'monitor', 'monitor')",
    [userId, workspaceId],
  );
  return (await app.get(TokenAuthService).createToken(userId)).token;
}
