import { Migration } from '@app/database';

/**
 * The read side of persons and organisations: REDACTED rows only. Codes and the
 * pseudonymous label, never a name, contacts, an address or notes (those stay sealed in the
 * events, libs/protection), so no query on this table can leak them.
 */
export const TARGET_READ_MODEL_MIGRATIONS: readonly Migration[] = [
  {
    id: '0001-targets',
    sql: /* sql */ `
CREATE TABLE rm_targets (
  target_id      uuid PRIMARY KEY,
  workspace_id   uuid NOT NULL,
  kind           text NOT NULL,              -- person | organisation
  label          text NOT NULL,
  category       text,
  country        text,
  gender         text,
  birth_year     int,
  erased         boolean NOT NULL DEFAULT false,
  version        int NOT NULL,
  created_at     timestamptz NOT NULL,
  updated_at     timestamptz NOT NULL,
  last_position  text NOT NULL
);
CREATE INDEX rm_targets_list ON rm_targets (workspace_id, kind, created_at, target_id);`,
  },
  {
    // Who a person is merged into now, for GET /persons. Persons merged before this column
    // existed are filled from the incident read model's open merges when it is there (the
    // targets projection skips events it has already folded, so a replay would not).
    id: '0002-targets-merged-into',
    sql: /* sql */ `
ALTER TABLE rm_targets ADD COLUMN merged_into uuid;
DO $backfill$
BEGIN
  IF to_regclass('rm_person_merges') IS NOT NULL THEN
    UPDATE rm_targets t SET merged_into = m.into_id
      FROM rm_person_merges m
     WHERE m.person_id = t.target_id AND m.superseded_by IS NULL;
  END IF;
END $backfill$;`,
  },
];
