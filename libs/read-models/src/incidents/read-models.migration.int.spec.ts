import { migrate, SqlClient } from '@app/database';
import { sqlBackends } from '../../../../test/support/sql-backends';
import { CheckpointedSubscription } from '../subscription-runner/checkpointed-subscription';
import {
  incidentReadModels,
  INCIDENT_READ_MODEL_MIGRATIONS,
  partitionedIncidentReadModels,
} from './read-models.migration';
import { INCIDENT_FACTS } from './incident-projections.service';

describe.each(sqlBackends('rmmig'))('read-model migrations on %s', (_, setup) => {
  let sql: SqlClient;
  let close: () => Promise<void>;

  beforeAll(async () => ({ sql, close } = await setup()));
  afterAll(() => close());

  const schema = async () => ({
    columns: (
      await sql.query<{ column_name: string }>(
        `SELECT column_name FROM information_schema.columns
          WHERE table_schema = current_schema() AND table_name = 'rm_acts_v1'
            AND column_name = 'incident_row'`,
      )
    ).rows.map((r) => r.column_name),
    indexes: (
      await sql.query<{ indexname: string }>(
        `SELECT indexname FROM pg_indexes
          WHERE schemaname = current_schema() AND indexname LIKE 'rm_acts_v%_history_superseded%'
          ORDER BY indexname`,
      )
    ).rows.map((r) => r.indexname),
  });

  it('rebuilds read models made before incident_row, and projects them again from the start', async () => {
    await CheckpointedSubscription.migrate(sql);
    await migrate(sql, 'read_model_migrations', [
      incidentReadModels,
      partitionedIncidentReadModels,
    ]);
    // The schema as migration 0003 left it before: no incident_row, no history indexes, and a
    // projection that had got somewhere.
    await sql.exec(`
      DROP VIEW rm_acts;
      ALTER TABLE rm_acts_v1 DROP COLUMN incident_row;
      CREATE VIEW rm_acts AS SELECT * FROM rm_acts_v1;
      DROP INDEX rm_acts_v1_history_superseded;
      DROP INDEX rm_acts_v1_history_superseded_at;
      INSERT INTO subscription_checkpoints (subscription_id, position) VALUES ('${INCIDENT_FACTS}', 'somewhere')
        ON CONFLICT (subscription_id) DO UPDATE SET position = 'somewhere';`);
    expect(await schema()).toEqual({ columns: [], indexes: [] });

    await migrate(sql, 'read_model_migrations', INCIDENT_READ_MODEL_MIGRATIONS);

    expect(await schema()).toEqual({
      columns: ['incident_row'],
      indexes: ['rm_acts_v1_history_superseded', 'rm_acts_v1_history_superseded_at'],
    });
    const { rows } = await sql.query<{ position: string }>(
      'SELECT position FROM subscription_checkpoints WHERE subscription_id = $1',
      [INCIDENT_FACTS],
    );
    expect(rows).toEqual([{ position: '' }]);
  });

  it('adds the person merges to read models made before them, and projects them again from the start', async () => {
    // As a database stood before 0005: no merges table, a projection that had got somewhere.
    await sql.exec(`
      DELETE FROM read_model_migrations WHERE name LIKE '0005-%';
      DROP VIEW rm_person_merges;
      DROP TABLE rm_person_merges_v1;
      UPDATE subscription_checkpoints SET position = 'somewhere' WHERE subscription_id = '${INCIDENT_FACTS}';`);

    expect(await migrate(sql, 'read_model_migrations', INCIDENT_READ_MODEL_MIGRATIONS)).toEqual([
      '0005-person-merges',
    ]);

    const { rows } = await sql.query(
      `SELECT to_regclass('rm_person_merges')::text AS merges,
              (SELECT position FROM subscription_checkpoints WHERE subscription_id = $1) AS position`,
      [INCIDENT_FACTS],
    );
    expect(rows).toEqual([{ merges: 'rm_person_merges', position: '' }]);
  });
});
