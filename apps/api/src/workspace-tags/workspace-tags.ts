import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { Actor } from '@app/application';
import { migrateWorkspaceTags } from '@app/auth';
import { SQL_CLIENT, SqlClient } from '@app/database';
import { ValidationException } from '@app/application/validation.exception';
import { FULL_DETAIL_ROLES } from '../targets/redaction';

/**
 * A workspace's tag list: the tags its admin declares for statistics (campaigns, events,
 * places), never a person. Callers who see no names (analysts, `public` tokens, anonymous
 * callers of /public/stats) may filter by these tags only: incidents carry free-text tags,
 * and a tag filter with a name in it answered 1 or 0, confirming that the person is recorded.
 */
@Injectable()
export class WorkspaceTags implements OnModuleInit {
  constructor(@Inject(SQL_CLIENT) private readonly sql: SqlClient) {}

  async onModuleInit(): Promise<void> {
    await migrateWorkspaceTags(this.sql);
  }

  async list(workspaceId: string): Promise<string[]> {
    const { rows } = await this.sql.query<{ tag: string }>(
      'SELECT tag FROM workspace_tags WHERE workspace_id = $1 ORDER BY tag',
      [workspaceId],
    );
    return rows.map((r) => r.tag);
  }

  /** Replaces the list, in one transaction. */
  async replace(workspaceId: string, tags: readonly string[]): Promise<void> {
    await this.sql.transaction(async (tx) => {
      await tx.query('DELETE FROM workspace_tags WHERE workspace_id = $1', [workspaceId]);
      if (tags.length === 0) return;
      await tx.query(
        `INSERT INTO workspace_tags (workspace_id, tag)
         SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING`,
        [workspaceId, [...tags]],
      );
    });
  }

  /**
   * 400 naming `field` when a caller without names filters by a tag not on the list. Roles
   * that see names anyway (admin, monitor, verifier) filter by any tag.
   */
  async checkFilter(
    role: Actor['role'] | 'anonymous',
    workspaceId: string,
    tags: readonly string[] | undefined,
    field = 'tag',
  ): Promise<void> {
    if (tags === undefined || tags.length === 0) return;
    if ((FULL_DETAIL_ROLES as readonly string[]).includes(role)) return;
    const listed = new Set(await this.list(workspaceId));
    if (tags.every((tag) => listed.has(tag))) return;
    throw new ValidationException([
      {
        field,
        message:
          `${field} must be a tag of this workspace's tag list (GET /workspaces/{id}/tags): ` +
          'callers who see no names cannot filter by free text',
      },
    ]);
  }
}
