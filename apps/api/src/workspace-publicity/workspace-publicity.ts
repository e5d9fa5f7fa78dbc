import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { migrateWorkspacePublicity } from '@app/auth';
import { SQL_CLIENT, SqlClient } from '@app/database';
import { sharedReads } from '../statistics/answer-cache';

const KEPT_MS = 1_000;
const KEPT_WORKSPACES = 10_000;

/** Whether a workspace publishes its aggregates without a token (GET /public/stats). */
@Injectable()
export class WorkspacePublicity implements OnModuleInit {
  constructor(@Inject(SQL_CLIENT) private readonly sql: SqlClient) {}

  async onModuleInit(): Promise<void> {
    await migrateWorkspacePublicity(this.sql);
  }

  /**
   * Asked by every anonymous request: the answer is kept a second (this process forgets it
   * at once when it records a change; another API process sees it within the second, well
   * inside the 10 s a published answer may be reused anyway), and requests arriving together
   * share one read.
   */
  async isPublic(workspaceId: string): Promise<boolean> {
    const known = this.known.get(workspaceId);
    if (known !== undefined && Date.now() - known.at < KEPT_MS) return known.enabled;
    const at = Date.now();
    const changes = this.changes;
    const enabled = await this.read(workspaceId);
    // A read that began before a change here is not kept: it may predate the change.
    if (changes !== this.changes) return enabled;
    if (this.known.size >= KEPT_WORKSPACES) this.known.clear();
    this.known.set(workspaceId, { enabled, at });
    return enabled;
  }

  private readonly known = new Map<string, { enabled: boolean; at: number }>();
  private changes = 0;
  private readonly read = sharedReads((workspaceId: string) => this.readPublicity(workspaceId));

  private async readPublicity(workspaceId: string): Promise<boolean> {
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
    this.changes += 1;
    this.known.delete(workspaceId);
  }
}
