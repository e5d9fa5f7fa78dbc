import { migrate, SqlClient } from '@app/database';
import { sqlBackends } from '../../../../test/support/sql-backends';
import { CheckpointedSubscription } from '../subscription-runner/checkpointed-subscription';
import {
  incidentReadModels,
  INCIDENT_READ_MODEL_MIGRATIONS,
  partitionedIncidentReadModels,
} from './read-models.migration';

describe.each(sqlBackends('rmmig'))('read-model migrations on %s', (_, setup) => {
  let sql: SqlClient;
  let close: () => Promise<void>;

  beforeAll(async () => ({ sql, close } = await setup()));
  afterAll(() => close());

  const historyIndexes = async () =>
    (
      await sql.query<{ indexname: string }>(
        `SELECT indexname FROM pg_indexes
          WHERE schemaname = current_schema() AND indexname LIKE 'rm_acts_v%_history_superseded%'
          ORDER BY indexname`,
      )
    ).rows.map((r) => r.indexname);

  it('gives a database migrated before the history indexes existed those indexes', async () => {
    await CheckpointedSubscription.migrate(sql);
    await migrate(sql, 'read_model_migrations', [
      incidentReadModels,
      partitionedIncidentReadModels,
    ]);
    // As migration 0003 left a database before the indexes were part of the schema.
    await sql.exec(`DROP INDEX rm_acts_v1_history_superseded;
                    DROP INDEX rm_acts_v1_history_superseded_at;`);
    expect(await historyIndexes()).toEqual([]);

    await migrate(sql, 'read_model_migrations', INCIDENT_READ_MODEL_MIGRATIONS);

    expect(await historyIndexes()).toEqual([
      'rm_acts_v1_history_superseded',
      'rm_acts_v1_history_superseded_at',
    ]);
  });
});
