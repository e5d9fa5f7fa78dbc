import { migrate, Migration, SqlClient } from '@app/database';

/**
 * A workspace's settings beside its users: whether it publishes its aggregates, and its tag
 * list. Here rather than in the API so that every process that lays out a database (the CLI's
 * restore of a backup) creates these tables the same way.
 */
const PUBLICITY_MIGRATIONS: readonly Migration[] = [
  {
    id: '0001-workspace-publicity',
    sql: /* sql */ `
CREATE TABLE workspace_publicity (
  workspace_id  uuid PRIMARY KEY,
  enabled       boolean NOT NULL,
  updated_at    timestamptz NOT NULL DEFAULT now(),
  updated_by    uuid NOT NULL
);`,
  },
];

const TAG_MIGRATIONS: readonly Migration[] = [
  {
    id: '0001-workspace-tags',
    sql: /* sql */ `
CREATE TABLE workspace_tags (
  workspace_id  uuid NOT NULL,
  tag           text NOT NULL,
  PRIMARY KEY (workspace_id, tag)
);`,
  },
];

export function migrateWorkspacePublicity(sql: SqlClient): Promise<string[]> {
  return migrate(sql, 'publicity_migrations', PUBLICITY_MIGRATIONS);
}

export function migrateWorkspaceTags(sql: SqlClient): Promise<string[]> {
  return migrate(sql, 'workspace_tag_migrations', TAG_MIGRATIONS);
}
