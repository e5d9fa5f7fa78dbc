import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { migrate, Migration, SQL_CLIENT, SqlClient } from '@app/database';

const MIGRATIONS: readonly Migration[] = [
  {
    id: '0001-workspace-publicity',
    sql: /* sql */ `
CREATE TABLE workspace_publicity (
  workspace_id  uuid PRIMARY KEY,
  enabled       boolean NOT NULL,
  updated_at    timestamptz NOT NULL DEFAULT now(),
  updated_by    uuid NOT NULL
);`,
  },
];

/** Whether a workspace publishes its aggregates without a token (GET /public/stats). */
@Injectable()
export class WorkspacePublicity implements OnModuleInit {
  constructor(@Inject(SQL_CLIENT) private readonly sql: SqlClient) {}

  async onModuleInit(): Promise<void> {
    await migrate(this.sql, 'publicity_migrations', MIGRATIONS);
  }

  async isPublic(workspaceId: string): Promise<boolean> {
    const { rows } = await this.sql.query<{ enabled: boolean }>(
      'SELECT enabled FROM workspace_publicity WHERE workspace_id = $1',
      [workspaceId],
    );
    return rows[0]?.enabled === true;
  }

  async set(workspaceId: string, enabled: boolean, userId: string): Promise<void> {
    await this.sql.query(
      `INSERT INTO workspace_publicity (workspace_id, enabled, updated_by) VALUES ($1, $2, $3)
       ON CONFLICT (workspace_id) DO UPDATE
         SET enabled = EXCLUDED.enabled, updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [workspaceId, enabled, userId],
    );
  }
}
