import { Migration } from '@app/database';
import { createIndexesSql, createTablesSql, switchViewsSql } from './incident-facts.schema';

/**
 * The read side of incidents (ARCHITECTURE.md, "Projections and read models"). Rows carry
 * ids and codes, never names: analysts' queries cannot leak them.
 *
 * `rm_acts` is the fact table: one row per act (incident × target) per version of what we
 * knew, with its knowledge interval [known_from, superseded_by) in event-store positions
 * (fixed-width strings: text order is position order) and the matching times. "As of P" is
 * `known_from <= P AND (superseded_by IS NULL OR superseded_by > P)`. An incident without
 * targets has one row with `act_id` NULL so that it counts as an incident. A correction, a
 * reclassification, a retraction or a duplicate mark closes the incident's open rows and
 * opens the new ones (none after a retraction or while marked as a duplicate).
 *
 * Both tables are versioned (`_v1`, `_v2`...): queries read the views `rm_incidents` and
 * `rm_acts`, which point at the active version; a rebuild fills the next version from
 * position zero and switches the views in one transaction (`incident-facts.rebuild.ts`).
 */
export const incidentReadModels: Migration = {
  id: '0002-incident-read-models',
  sql: /* sql */ `
CREATE TABLE rm_incidents_v1 (
  incident_id        uuid PRIMARY KEY,
  workspace_id       uuid NOT NULL,
  version            int NOT NULL,
  status             text NOT NULL,            -- recorded | retracted
  duplicate_of       uuid,
  verified           boolean NOT NULL,
  title              text NOT NULL,
  country            text NOT NULL,
  region             text,
  type               text NOT NULL,
  family             text NOT NULL,
  occurred_date      text NOT NULL,
  occurred_precision text NOT NULL,
  occurred_until     text,
  month              text,                     -- YYYY-MM, NULL for year precision
  year               int NOT NULL,
  rights             text[] NOT NULL,
  legal_articles     text[] NOT NULL,          -- 'instrument|article'
  tags               text[] NOT NULL,
  main_sources       text[] NOT NULL,
  secondary_sources  text[] NOT NULL,
  target_categories  text[] NOT NULL,
  target_count       int NOT NULL,
  state              jsonb NOT NULL,           -- the folded IncidentState, for the next event
  reported_at        timestamptz NOT NULL,
  updated_at         timestamptz NOT NULL,
  last_position      text NOT NULL
);
CREATE INDEX rm_incidents_v1_list ON rm_incidents_v1 (workspace_id, occurred_date DESC, incident_id);

CREATE TABLE rm_acts_v1 (
  row_id             bigserial PRIMARY KEY,
  workspace_id       uuid NOT NULL,
  incident_id        uuid NOT NULL,
  act_id             uuid,                     -- NULL: the incident has no target
  target_kind        text,                     -- person | organisation
  target_id          uuid,
  target_category    text,
  country            text NOT NULL,
  region             text,
  type               text NOT NULL,
  family             text NOT NULL,
  occurred_date      text NOT NULL,
  occurred_precision text NOT NULL,
  month              text,                     -- NULL: month unknown (year precision)
  quarter            text,                     -- YYYY-Qn, NULL when the month is unknown
  year               int NOT NULL,
  main_sources       text[] NOT NULL,
  secondary_sources  text[] NOT NULL,
  rights             text[] NOT NULL,
  legal_articles     text[] NOT NULL,
  tags               text[] NOT NULL,
  verification_status text NOT NULL,           -- unverified | verified
  known_from         text NOT NULL,
  known_from_at      timestamptz NOT NULL,
  superseded_by      text,
  superseded_at      timestamptz
);
CREATE INDEX rm_acts_v1_current ON rm_acts_v1 (workspace_id, year) WHERE superseded_by IS NULL;
CREATE INDEX rm_acts_v1_open_by_incident ON rm_acts_v1 (incident_id) WHERE superseded_by IS NULL;
CREATE INDEX rm_acts_v1_known ON rm_acts_v1 (workspace_id, known_from);
-- asOf queries with a year filter: 460 ms → 67 ms at 1.1M acts.
CREATE INDEX rm_acts_v1_year_known ON rm_acts_v1 (workspace_id, year, known_from);

CREATE VIEW rm_incidents AS SELECT * FROM rm_incidents_v1;
CREATE VIEW rm_acts AS SELECT * FROM rm_acts_v1;
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

export const INCIDENT_READ_MODEL_MIGRATIONS: readonly Migration[] = [
  incidentReadModels,
  partitionedIncidentReadModels,
];
