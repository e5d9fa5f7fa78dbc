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
];
