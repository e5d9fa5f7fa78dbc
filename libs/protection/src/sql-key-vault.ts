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

interface CreatedKeyRow extends KeyRow {
  person_id: string;
  /** This statement inserted the row. */
  created: boolean;
  /** The row was there before, in this subject's workspace. */
  found: boolean;
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

  /**
   * One INSERT for all: the rows it creates hold the keys generated here; the rows it finds
   * are opened as `keyOf` opens them. A row committed by a concurrent creator after this
   * statement's snapshot is in neither: `keyOf` reads it.
   */
  async createKeys(subjects: readonly DataSubject[]): Promise<(SubjectKey | 'destroyed')[]> {
    const distinct = [...new Map(subjects.map((s) => [s.subjectId, s])).values()];
    const generated = new Map(distinct.map((s) => [s.subjectId, newKey()]));
    const wrapped = distinct.map((s) =>
      encrypt(this.masterKey, generated.get(s.subjectId)!, wrapContext(s)).toString('base64'),
    );
    const { rows } = await this.sql.query<CreatedKeyRow>(
      `WITH given AS (
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[]) AS g(person_id, workspace_id, wrapped)
       ), created AS (
         INSERT INTO person_keys (person_id, workspace_id, wrapped_key)
         SELECT person_id, workspace_id, decode(wrapped, 'base64') FROM given
         ON CONFLICT (person_id) DO NOTHING
         RETURNING person_id
       )
       SELECT g.person_id::text AS person_id, c.person_id IS NOT NULL AS created,
              k.person_id IS NOT NULL AS found, encode(k.wrapped_key, 'base64') AS wrapped_key
         FROM given g
         LEFT JOIN created c ON c.person_id = g.person_id
         LEFT JOIN person_keys k ON k.person_id = g.person_id AND k.workspace_id = g.workspace_id`,
      [distinct.map((s) => s.subjectId), distinct.map((s) => s.workspaceId), wrapped],
    );
    const byId = new Map(rows.map((r) => [r.person_id, r]));
    const keys = new Map<string, SubjectKey | 'destroyed'>();
    for (const subject of distinct) {
      const row = byId.get(subject.subjectId);
      const key = row?.created
        ? subjectKey(generated.get(subject.subjectId)!, `person:${subject.subjectId}`)
        : row?.found
          ? this.open(subject, row.wrapped_key)
          : await this.keyOf(subject);
      if (key === undefined) {
        throw new Error('the key of this person belongs to another workspace');
      }
      keys.set(subject.subjectId, key);
    }
    return subjects.map((s) => keys.get(s.subjectId)!);
  }

  async keyOf(subject: DataSubject): Promise<SubjectKey | 'destroyed' | undefined> {
    const { rows } = await this.sql.query<KeyRow>(
      `SELECT encode(wrapped_key, 'base64') AS wrapped_key FROM person_keys
        WHERE person_id = $1 AND workspace_id = $2`,
      [subject.subjectId, subject.workspaceId],
    );
    if (rows.length === 0) return undefined;
    return this.open(subject, rows[0].wrapped_key);
  }

  private open(subject: DataSubject, wrapped: string | null): SubjectKey | 'destroyed' {
    if (wrapped === null) return 'destroyed';
    const key = decrypt(this.masterKey, Buffer.from(wrapped, 'base64'), wrapContext(subject));
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
