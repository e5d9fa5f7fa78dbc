import { migrate, Migration, SqlClient, SqlExecutor } from '@app/database';
import { TotpSecretBox } from './second-factor/totp-secret-box';

/**
 * Applied ids are never reused: a change to the schema is a new migration. These need nothing
 * but SQL; migrateAuthSchema adds the ones that need the master key.
 */
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
  {
    // Sign-in for people: a login and password per user (NULL for token-only users), a TOTP
    // second factor, invitations, browser sessions and the sign-in throttle. The audit trail
    // gains the client address of sign-in attempts.
    id: '0003-sign-in-sessions-invitations',
    sql: `
      ALTER TABLE users
        ADD COLUMN login text NULL,
        ADD COLUMN password_hash text NULL,
        ADD COLUMN disabled_at timestamptz NULL,
        ADD COLUMN totp_secret text NULL,
        ADD COLUMN totp_pending_secret text NULL,
        ADD COLUMN totp_enrolled_at timestamptz NULL,
        ADD COLUMN totp_last_step bigint NULL;
      -- Sign-in names are unique across the deployment: the sign-in form names no workspace.
      CREATE UNIQUE INDEX users_login ON users (lower(login)) WHERE login IS NOT NULL;

      ALTER TABLE workspaces
        ADD COLUMN second_factor_for text NOT NULL DEFAULT 'admins'
          CHECK (second_factor_for IN ('admins', 'everyone'));

      CREATE TABLE recovery_codes (
        user_id uuid NOT NULL REFERENCES users (id),
        code_hash text NOT NULL,
        used_at timestamptz NULL,
        PRIMARY KEY (user_id, code_hash)
      );

      -- One use, a week. user_id is set when the invitation signs in an existing user (the
      -- deployment admin's set-up link, a reset of someone's sign-in).
      CREATE TABLE invitations (
        id uuid PRIMARY KEY,
        workspace_id uuid NOT NULL REFERENCES workspaces (id),
        name text NOT NULL,
        role text NOT NULL,
        user_id uuid NULL REFERENCES users (id),
        code_hash text NOT NULL UNIQUE,
        created_by uuid NULL REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz NULL,
        revoked_at timestamptz NULL
      );
      CREATE INDEX invitations_workspace ON invitations (workspace_id, created_at);

      CREATE TABLE sessions (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users (id),
        secret_hash text NOT NULL UNIQUE,
        csrf_token text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        idle_expires_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz NULL,
        address text NULL,
        user_agent text NULL
      );
      CREATE INDEX sessions_user ON sessions (user_id) WHERE revoked_at IS NULL;

      -- Failed sign-ins per key: 'pair:<login>|<address>', 'account:<login>', 'address:<address>'.
      CREATE TABLE sign_in_throttle (
        key text PRIMARY KEY,
        failures integer NOT NULL,
        last_failure_at timestamptz NOT NULL,
        blocked_until timestamptz NULL
      );

      ALTER TABLE audit_log ADD COLUMN address text NULL;
    `,
  },
];

/**
 * TOTP secrets were stored in clear: they move into bytea columns sealed under the master key
 * (TotpSecretBox), and the clear columns are dropped. Needs the key, so it is built per call.
 */
export function sealTotpSecretsMigration(box: TotpSecretBox): Migration {
  return {
    id: '0004-totp-secrets-sealed',
    sql: `
      ALTER TABLE users
        ADD COLUMN totp_secret_sealed bytea NULL,
        ADD COLUMN totp_pending_sealed bytea NULL;
    `,
    code: async (tx) => {
      await sealClearTotpSecrets(tx, box);
      await tx.exec('ALTER TABLE users DROP COLUMN totp_secret, DROP COLUMN totp_pending_secret');
    },
  };
}

async function sealClearTotpSecrets(tx: SqlExecutor, box: TotpSecretBox): Promise<void> {
  const { rows } = await tx.query<{ id: string; secret: string | null; pending: string | null }>(
    `SELECT id, totp_secret AS secret, totp_pending_secret AS pending FROM users
      WHERE totp_secret IS NOT NULL OR totp_pending_secret IS NOT NULL`,
  );
  const sealed = (id: string, secret: string | null) =>
    secret === null ? null : box.seal(id, secret);
  for (const row of rows) {
    await tx.query(
      `UPDATE users SET totp_secret_sealed = decode($2, 'base64'),
                        totp_pending_sealed = decode($3, 'base64')
        WHERE id = $1`,
      [row.id, sealed(row.id, row.secret), sealed(row.id, row.pending)],
    );
  }
}

/**
 * Sessions remember whether they were made by accepting an invitation (or a reset): only those
 * may enrol a second factor that the person is required to have (SessionService).
 */
const SESSIONS_VIA_INVITATION: Migration = {
  id: '0005-sessions-via-invitation',
  sql: 'ALTER TABLE sessions ADD COLUMN via_invitation boolean NOT NULL DEFAULT false;',
};

/**
 * Passkeys (WebAuthn), a second kind of second factor, and the challenges given for them (one
 * use, minutes). Sessions remember whether they passed the second factor: only those add one.
 */
const PASSKEYS: Migration = {
  id: '0006-passkeys',
  sql: `
    CREATE TABLE passkeys (
      id text PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES users (id),
      public_key bytea NOT NULL,
      counter bigint NOT NULL,
      transports text NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      last_used_at timestamptz NULL
    );
    CREATE INDEX passkeys_user ON passkeys (user_id);
    CREATE TABLE webauthn_challenges (
      challenge text PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES users (id),
      purpose text NOT NULL CHECK (purpose IN ('register', 'sign-in')),
      expires_at timestamptz NOT NULL
    );
    ALTER TABLE sessions ADD COLUMN second_factor_passed boolean NOT NULL DEFAULT false;
  `,
};

/** The auth schema; the box (master key) is for the migrations that seal secrets. */
export function migrateAuthSchema(sql: SqlClient, box: TotpSecretBox): Promise<string[]> {
  return migrate(sql, 'auth_migrations', [
    ...AUTH_MIGRATIONS,
    sealTotpSecretsMigration(box),
    SESSIONS_VIA_INVITATION,
    PASSKEYS,
  ]);
}
