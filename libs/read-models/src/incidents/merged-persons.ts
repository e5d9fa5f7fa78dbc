import { Inject, Injectable } from '@nestjs/common';
import { SQL_CLIENT, SqlClient } from '@app/database';
import { ProjectionFreshness } from '../projection-freshness';

/**
 * Who is merged into a person now. Only the read model knows (each merge is on the duplicate's
 * stream), so the question waits until the projection has passed every write committed when it
 * was asked: a merge just recorded is seen. Two merges racing (A into B while B goes into C) can
 * still both pass; the statistics then resolve A to B only.
 */
@Injectable()
export class MergedPersons {
  constructor(
    @Inject(SQL_CLIENT) private readonly sql: SqlClient,
    private readonly freshness: ProjectionFreshness,
  ) {}

  async mergedInto(workspaceId: string, personId: string): Promise<string[]> {
    await this.freshness.waitForHead();
    const { rows } = await this.sql.query<{ id: string }>(
      `SELECT person_id::text AS id FROM rm_person_merges
        WHERE workspace_id = $1 AND into_id = $2 AND superseded_by IS NULL ORDER BY person_id`,
      [workspaceId, personId],
    );
    return rows.map((r) => r.id);
  }
}
