/**
 * The tables of one version of the incident read models (docs/architecture.md, "A
 * query"). Rows carry ids and codes, never names: analysts' queries cannot leak them.
 *
 * `rm_acts_v<N>` is the fact table: one row per act (incident × target) per version of what we
 * knew, with its knowledge interval [known_from, superseded_by) in event-store positions
 * (fixed-width strings: text order is position order) and the matching times. "As of P" is
 * `known_from <= P AND (superseded_by IS NULL OR superseded_by > P)`. An incident without
 * targets has one row with `act_id` NULL so that it counts as an incident. At any point exactly
 * one row of a counted incident has `incident_row` (its first act's): counting incidents by
 * incident-level dimensions is then count(*) over those rows, not count(DISTINCT incident_id).
 *
 * It is partitioned into the current rows and the superseded ones (`current`), because most
 * queries ask for the present: at 1M events three rows in four are history, and a year's
 * current acts scattered among them cost a heap page each (measured: 17.6k pages read for
 * 40k rows at 300k events). A rebuild also writes each partition in (workspace, year) order.
 *
 * `rm_person_merges_v<N>` holds the merges of duplicate persons with the same knowledge
 * intervals, so that `measure=persons` as of P counts each human once as merged at P.
 *
 * Queries read the views `rm_incidents`, `rm_acts` and `rm_person_merges`, which point at the active version; a
 * rebuild fills the next version from position zero and switches the views in one transaction.
 */
export function createTablesSql(version: number): string {
  const v = version;
  return /* sql */ `
CREATE TABLE rm_incidents_v${v} (
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

CREATE TABLE rm_acts_v${v} (
  -- Fixed-width NOT NULL columns first, then nullable ones, then text, arrays and positions:
  -- a query reads a column after deforming every one before it, and offsets before the
  -- first variable-width or NULL value are computed once (measured: 0.86-0.90 of the time
  -- of the same queries with the columns in their former order).
  workspace_id        uuid NOT NULL,
  incident_id         uuid NOT NULL,
  known_from_at       timestamptz NOT NULL,
  year                int NOT NULL,
  current             boolean NOT NULL,
  incident_row        boolean NOT NULL,        -- the one row that stands for its incident now
  act_id              uuid,                    -- NULL: the incident has no target
  target_id           uuid,
  superseded_at       timestamptz,
  target_kind         text,                    -- person | organisation
  target_category     text,
  country             text NOT NULL,
  region              text,
  type                text NOT NULL,
  family              text NOT NULL,
  month               text,                    -- NULL: month unknown (year precision)
  quarter             text,                    -- YYYY-Qn, NULL when the month is unknown
  verification_status text NOT NULL,           -- unverified | verified
  main_sources        text[] NOT NULL,
  secondary_sources   text[] NOT NULL,
  rights              text[] NOT NULL,
  legal_articles      text[] NOT NULL,
  tags                text[] NOT NULL,
  known_from          text NOT NULL,
  superseded_by       text,
  CHECK (current = (superseded_by IS NULL))
) PARTITION BY LIST (current);
CREATE TABLE rm_acts_v${v}_current PARTITION OF rm_acts_v${v} FOR VALUES IN (true);
CREATE TABLE rm_acts_v${v}_history PARTITION OF rm_acts_v${v} FOR VALUES IN (false);

-- Persons merged into another (PersonMerged until PersonMergeUndone): the statistics count
-- an act of person_id as one of into_id, with the merge row known at the query's position.
CREATE TABLE rm_person_merges_v${v} (
  workspace_id  uuid NOT NULL,
  person_id     uuid NOT NULL,
  into_id       uuid NOT NULL,
  known_from_at timestamptz NOT NULL,
  superseded_at timestamptz,
  known_from    text NOT NULL,
  superseded_by text,
  PRIMARY KEY (workspace_id, person_id, known_from)
);
`;
}

/**
 * The secondary indexes, created after a bulk load (cheaper than maintaining them row by row).
 * `year_known` is also the order the history partition is clustered in.
 */
export function createIndexesSql(version: number): string {
  const v = version;
  return /* sql */ `
CREATE INDEX rm_incidents_v${v}_list ON rm_incidents_v${v} (workspace_id, occurred_date DESC, incident_id);
CREATE INDEX rm_acts_v${v}_current_year ON rm_acts_v${v}_current (workspace_id, year, month);
CREATE INDEX rm_acts_v${v}_current_incident ON rm_acts_v${v}_current (incident_id);
-- asOf queries with a year filter read both partitions by when the row became known.
CREATE INDEX rm_acts_v${v}_year_known ON rm_acts_v${v} (workspace_id, year, known_from);
CREATE INDEX rm_acts_v${v}_year_known_at ON rm_acts_v${v} (workspace_id, year, known_from_at);
CREATE INDEX rm_acts_v${v}_act ON rm_acts_v${v} (act_id);
-- Who is merged into a person now: a merge refuses to leave them in a chain.
CREATE INDEX rm_person_merges_v${v}_into ON rm_person_merges_v${v} (workspace_id, into_id) WHERE superseded_by IS NULL;
${historyIndexesSql(v)}`;
}

/**
 * asOf queries read the history rows still valid at P: those superseded after it. The history
 * partition is written in the order rows close, so these index ranges are adjacent pages.
 */
export function historyIndexesSql(version: number): string {
  const v = version;
  return /* sql */ `
CREATE INDEX IF NOT EXISTS rm_acts_v${v}_history_superseded ON rm_acts_v${v}_history (workspace_id, year, superseded_by);
CREATE INDEX IF NOT EXISTS rm_acts_v${v}_history_superseded_at ON rm_acts_v${v}_history (workspace_id, year, superseded_at);
`;
}

/** Points the views at version `v`. */
export function switchViewsSql(version: number): string {
  return /* sql */ `
CREATE OR REPLACE VIEW rm_acts AS SELECT * FROM rm_acts_v${version};
CREATE OR REPLACE VIEW rm_incidents AS SELECT * FROM rm_incidents_v${version};
CREATE OR REPLACE VIEW rm_person_merges AS SELECT * FROM rm_person_merges_v${version};
`;
}
