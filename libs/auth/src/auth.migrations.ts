import { migrate, Migration, SqlClient } from '@app/database';

/** Applied ids are never reused: a change to the schema is a new migration. */
export const AUTH_MIGRATIONS: readonly Migration[] = [
  {
    id: '0001-workspaces-users-api-tokens',
    sql: `
      CREATE TABLE workspaces (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE users (
        id uuid PRIMARY KEY,
        workspace_id uuid NOT NULL REFERENCES workspaces (id),
        name text NOT NULL,
        role text NOT NULL CHECK (role IN ('admin', 'monitor', 'verifier', 'analyst', 'public')),
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX users_workspace_id ON users (workspace_id);
      CREATE TABLE api_tokens (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users (id),
        token_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NULL,
        revoked_at timestamptz NULL,
        last_used_at timestamptz NULL
      );
      CREATE INDEX api_tokens_user_id ON api_tokens (user_id);
    `,
  },
];

export function migrateAuthSchema(sql: SqlClient): Promise<string[]> {
  return migrate(sql, 'auth_migrations', AUTH_MIGRATIONS);
}
