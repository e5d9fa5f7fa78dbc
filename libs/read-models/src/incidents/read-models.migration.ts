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
DROP VIEW IF EXISTS rm_person_merges;
DO $$
DECLARE t text;
BEGIN
  FOR t IN SELECT tablename FROM pg_tables
            WHERE schemaname = current_schema() AND tablename ~ '^rm_(acts|incidents|person_merges)_v[0-9]+$'
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
 * `incident_row` marks the row that stands for its incident, and the history partition has
 * indexes on when a row was superseded. Like 0003, the read models are dropped and refilled
 * from the log (on a new database 0003 already built the current schema, and this runs on
 * empty tables).
 */
export const incidentRowColumn: Migration = {
  id: '0004-incident-row',
  sql: partitionedIncidentReadModels.sql,
};

/**
 * The merges of duplicate persons (`rm_person_merges`), folded by the same projection from the
 * person streams: dropped and refilled from the log like 0003, so the merges already recorded
 * are in the table before the statistics read it.
 */
export const personMerges: Migration = {
  id: '0005-person-merges',
  sql: partitionedIncidentReadModels.sql,
};

export const INCIDENT_READ_MODEL_MIGRATIONS: readonly Migration[] = [
  incidentReadModels,
  partitionedIncidentReadModels,
  incidentRowColumn,
  personMerges,
];
