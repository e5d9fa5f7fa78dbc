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
  {
    // Tokens move from SHA-256 to argon2id hashes, which cannot be derived from the old ones:
    // every existing token is revoked (the admin gets a new one at the next start, printed in
    // embedded mode or from BOOTSTRAP_ADMIN_TOKEN) and its fast hash is dropped.
    id: '0002-argon2-tokens-deployment-admin-audit',
    sql: `
      ALTER TABLE api_tokens DROP CONSTRAINT api_tokens_token_hash_key;
      ALTER TABLE api_tokens RENAME COLUMN token_hash TO secret_hash;
      UPDATE api_tokens SET secret_hash = 'retired-sha256', revoked_at = coalesce(revoked_at, now());
      ALTER TABLE api_tokens
        ADD COLUMN kind text NOT NULL DEFAULT 'issued' CHECK (kind IN ('issued', 'bootstrap'));
      CREATE INDEX api_tokens_bootstrap ON api_tokens (kind) WHERE kind = 'bootstrap';

      -- The deployment admin (BOOTSTRAP_ADMIN_TOKEN) creates workspaces; until now it was the
      -- oldest admin of the oldest workspace.
      ALTER TABLE users ADD COLUMN deployment_admin boolean NOT NULL DEFAULT false;
      UPDATE users SET deployment_admin = true
       WHERE id = (SELECT u.id FROM users u JOIN workspaces w ON w.id = u.workspace_id
                    WHERE u.role = 'admin'
                    ORDER BY w.created_at, w.id, u.created_at, u.id LIMIT 1);
      CREATE UNIQUE INDEX users_one_deployment_admin ON users (deployment_admin)
        WHERE deployment_admin;

      -- Who did what and when: never bodies, never names. Append-only, never expires.
      CREATE TABLE audit_log (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        workspace_id uuid NULL,
        user_id uuid NULL,
        role text NULL,
        action text NOT NULL,
        target_id text NULL,
        status smallint NOT NULL,
        correlation_id text NULL
      );
      CREATE INDEX audit_log_workspace_at ON audit_log (workspace_id, at, id);
      CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END $$;
      CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON audit_log
        FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
      CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
        FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
    `,
  },
];

export function migrateAuthSchema(sql: SqlClient): Promise<string[]> {
  return migrate(sql, 'auth_migrations', AUTH_MIGRATIONS);
}
