import { migrate, Migration, SqlClient } from '@app/database';
import { decrypt, encrypt, KEY_BYTES, newKey } from './aes-gcm';
import { DataSubject, PersonalDataVault, SubjectKey } from './personal-data-vault.port';

/**
 * The key table: one row per person, the key wrapped (AES-256-GCM) by the master key.
 * Destroying a key clears `wrapped_key` and stamps `destroyed_at`; the row stays so that
 * the key is never created again for the same person.
 */
export const PROTECTION_MIGRATIONS: readonly Migration[] = [
  {
    id: '0001-person-keys',
    sql: /* sql */ `
CREATE TABLE person_keys (
  person_id     uuid PRIMARY KEY,
  workspace_id  uuid NOT NULL,
  wrapped_key   bytea,
  created_at    timestamptz NOT NULL DEFAULT now(),
  destroyed_at  timestamptz,
  CHECK ((wrapped_key IS NULL) = (destroyed_at IS NOT NULL))
);`,
  },
];

interface KeyRow {
  wrapped_key: string | null;
}

export class SqlKeyVault implements PersonalDataVault {
  constructor(
    private readonly sql: SqlClient,
    private readonly masterKey: Buffer,
  ) {
    if (masterKey.length !== KEY_BYTES) throw new Error('the master key must be 32 bytes');
  }

  static async migrate(sql: SqlClient): Promise<void> {
    await migrate(sql, 'protection_migrations', PROTECTION_MIGRATIONS);
  }

  async createKey(subject: DataSubject): Promise<SubjectKey | 'destroyed'> {
    const wrapped = encrypt(this.masterKey, newKey(), wrapContext(subject)).toString('base64');
    await this.sql.query(
      `INSERT INTO person_keys (person_id, workspace_id, wrapped_key)
       VALUES ($1, $2, decode($3, 'base64')) ON CONFLICT (person_id) DO NOTHING`,
      [subject.subjectId, subject.workspaceId, wrapped],
    );
    const key = await this.keyOf(subject);
    if (key === undefined) throw new Error('the key of this person belongs to another workspace');
    return key;
  }

  async keyOf(subject: DataSubject): Promise<SubjectKey | 'destroyed' | undefined> {
    const { rows } = await this.sql.query<KeyRow>(
      `SELECT encode(wrapped_key, 'base64') AS wrapped_key FROM person_keys
        WHERE person_id = $1 AND workspace_id = $2`,
      [subject.subjectId, subject.workspaceId],
    );
    if (rows.length === 0) return undefined;
    if (rows[0].wrapped_key === null) return 'destroyed';
    const key = decrypt(
      this.masterKey,
      Buffer.from(rows[0].wrapped_key, 'base64'),
      wrapContext(subject),
    );
    return subjectKey(key, `person:${subject.subjectId}`);
  }

  async destroyKey(subject: DataSubject): Promise<void> {
    // A row even for a person who never had a key, so none is created later.
    await this.sql.query(
      `INSERT INTO person_keys (person_id, workspace_id, wrapped_key, destroyed_at)
       VALUES ($1, $2, NULL, now())
       ON CONFLICT (person_id) DO UPDATE SET wrapped_key = NULL,
         destroyed_at = COALESCE(person_keys.destroyed_at, now())
       WHERE person_keys.workspace_id = EXCLUDED.workspace_id`,
      [subject.subjectId, subject.workspaceId],
    );
    // PostgreSQL keeps the row's old version (the wrapped key) on disk until a vacuum: rewrite
    // the table now. Best effort: a failure here still leaves the key unusable through SQL.
    await this.sql.exec('VACUUM FULL person_keys').catch(() => undefined);
  }
}

function wrapContext(subject: DataSubject): string {
  return `person_keys:${subject.workspaceId}:${subject.subjectId}`;
}

function subjectKey(key: Buffer, context: string): SubjectKey {
  return {
    seal: (value) =>
      `v1.${encrypt(key, Buffer.from(JSON.stringify(value), 'utf8'), context).toString('base64')}`,
    open: (sealed) =>
      JSON.parse(
        decrypt(key, Buffer.from(sealed.slice(3), 'base64'), context).toString('utf8'),
      ) as unknown,
  };
}
