import { Migration } from '@app/database';
import { createIndexesSql, createTablesSql, switchViewsSql } from './incident-facts.schema';

/**
 * The first version of the incident read models. Its tables were replaced by migration 0003
 * (which drops them where they exist), so a new database only needs what 0003 builds on: the
 * table recording which version of the read models the views point at.
 */
export const incidentReadModels: Migration = {
  id: '0002-incident-read-models',
  sql: /* sql */ `
CREATE TABLE rm_versions (projection text PRIMARY KEY, active int NOT NULL);
INSERT INTO rm_versions VALUES ('incident-facts', 1);
`,
};

/**
 * The fact table partitioned into current and superseded rows, without the columns no query
 * read, and act rows versioned only when they change. Read models are derived data: the
 * migration drops them and sets the checkpoint back to the start, so the projection refills
 * them from the event log (the log itself is untouched).
 */
export const partitionedIncidentReadModels: Migration = {
  id: '0003-incident-read-models-partitioned',
  sql: /* sql */ `
DROP VIEW IF EXISTS rm_acts;
DROP VIEW IF EXISTS rm_incidents;
DO $$
DECLARE t text;
BEGIN
  FOR t IN SELECT tablename FROM pg_tables
            WHERE schemaname = current_schema() AND tablename ~ '^rm_(acts|incidents)_v[0-9]+$'
  LOOP
    EXECUTE format('DROP TABLE %I', t);
  END LOOP;
END $$;
${createTablesSql(1)}
${createIndexesSql(1)}
${switchViewsSql(1)}
UPDATE rm_versions SET active = 1 WHERE projection = 'incident-facts';
UPDATE subscription_checkpoints SET position = '' WHERE subscription_id = 'incident-facts';
`,
};

/**
 * The history partition's indexes on when a row was superseded (see `historyIndexesSql`), on
 * the active version; a rebuild creates them with the others. Written out rather than shared
 * with the schema module, so that this migration never changes once applied.
 */
export const historySupersededIndexes: Migration = {
  id: '0004-history-superseded-indexes',
  sql: /* sql */ `
DO $$
DECLARE v int;
BEGIN
  SELECT active INTO v FROM rm_versions WHERE projection = 'incident-facts';
  EXECUTE format('CREATE INDEX IF NOT EXISTS rm_acts_v%s_history_superseded ON rm_acts_v%s_history (workspace_id, year, superseded_by)', v, v);
  EXECUTE format('CREATE INDEX IF NOT EXISTS rm_acts_v%s_history_superseded_at ON rm_acts_v%s_history (workspace_id, year, superseded_at)', v, v);
END $$;
`,
};

export const INCIDENT_READ_MODEL_MIGRATIONS: readonly Migration[] = [
  incidentReadModels,
  partitionedIncidentReadModels,
  historySupersededIndexes,
];
