import { Inject, Injectable } from '@nestjs/common';
import { SQL_CLIENT, SqlClient } from '@app/database';
import { Position } from '@app/event-store';

/** The version of a workspace that has recorded nothing: before every position. */
export const NO_VERSION = '00000000000000000000' as Position;

/**
 * A workspace's version for callers without names: the position of the last change of its
 * statistics (a fact row or a person's merge becoming known or superseded) at or before a position. Unlike the
 * global position, it moves only when this workspace records: an anonymous caller of
 * /public/stats could otherwise watch other workspaces' activity. `asOf=<version>` gives the
 * same figures as the answer that carried it, since nothing of this workspace changed between.
 */
@Injectable()
export class WorkspaceVersion {
  constructor(@Inject(SQL_CLIENT) private readonly sql: SqlClient) {}

  /** At or before `upTo`; the latest when `upTo` is undefined. */
  async at(workspaceId: string, upTo?: Position): Promise<Position> {
    const { rows } = await this.sql.query<{ version: string | null }>(
      `SELECT GREATEST(
         (SELECT max(known_from) FROM rm_acts
           WHERE workspace_id = $1 AND ($2::text IS NULL OR known_from <= $2)),
         (SELECT max(superseded_by) FROM rm_acts
           WHERE workspace_id = $1 AND ($2::text IS NULL OR superseded_by <= $2)),
         (SELECT max(known_from) FROM rm_person_merges
           WHERE workspace_id = $1 AND ($2::text IS NULL OR known_from <= $2)),
         (SELECT max(superseded_by) FROM rm_person_merges
           WHERE workspace_id = $1 AND ($2::text IS NULL OR superseded_by <= $2))) AS version`,
      [workspaceId, upTo ?? null],
    );
    return (rows[0]?.version ?? NO_VERSION) as Position;
  }
}
