import { createHmac } from 'node:crypto';
import { migrate, Migration, SqlClient } from '@app/database';
import { decrypt, encrypt, newKey } from './aes-gcm';
import { NamedSubject, NameIndex } from './name-index.port';

/**
 * The name index's tables. `name_index_keys`: one HMAC key per workspace, wrapped by the
 * master key. `name_index`: one row per digest of a name part's beginning and subject; a
 * subject's rows go with its erasure.
 */
export const NAME_INDEX_MIGRATIONS: readonly Migration[] = [
  {
    id: '0001-name-index',
    sql: /* sql */ `
CREATE TABLE name_index_keys (
  workspace_id  uuid PRIMARY KEY,
  wrapped_key   bytea NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE name_index (
  workspace_id  uuid NOT NULL,
  kind          text NOT NULL CHECK (kind IN ('person', 'organisation')),
  digest        bytea NOT NULL,
  subject_id    uuid NOT NULL,
  PRIMARY KEY (workspace_id, kind, digest, subject_id)
);
CREATE INDEX name_index_subject ON name_index (subject_id);`,
  },
];

export class SqlNameIndex implements NameIndex {
  /** Unwrapped workspace keys: unwrapping is cheap, but a search hashes many prefixes. */
  private readonly keys = new Map<string, Buffer>();

  constructor(
    private readonly sql: SqlClient,
    private readonly masterKey: Buffer,
  ) {}

  static async migrate(sql: SqlClient): Promise<void> {
    await migrate(sql, 'name_index_migrations', NAME_INDEX_MIGRATIONS);
  }

  async index(subject: NamedSubject, terms: readonly string[]): Promise<void> {
    await this.indexMany([{ subject, terms }]);
  }

  async indexMany(
    entries: readonly { subject: NamedSubject; terms: readonly string[] }[],
  ): Promise<void> {
    if (entries.length === 0) return;
    const rows: { ws: string; kind: string; digest: string; id: string }[] = [];
    for (const { subject, terms } of entries) {
      const key = await this.keyOf(subject.workspaceId);
      for (const term of new Set(terms)) {
        const digest = digestOf(key, subject.kind, term).toString('base64');
        rows.push({ ws: subject.workspaceId, kind: subject.kind, digest, id: subject.subjectId });
      }
    }
    // Replace, in one transaction: a renamed person is no longer found by the old name.
    await this.sql.transaction(async (tx) => {
      await tx.query(`DELETE FROM name_index WHERE subject_id = ANY($1::uuid[])`, [
        entries.map((e) => e.subject.subjectId),
      ]);
      await tx.query(
        `INSERT INTO name_index (workspace_id, kind, digest, subject_id)
         SELECT ws, kind, decode(digest, 'base64'), id
           FROM unnest($1::uuid[], $2::text[], $3::text[], $4::uuid[]) AS r(ws, kind, digest, id)
         ON CONFLICT DO NOTHING`,
        [
          rows.map((r) => r.ws),
          rows.map((r) => r.kind),
          rows.map((r) => r.digest),
          rows.map((r) => r.id),
        ],
      );
    });
  }

  async remove(subject: NamedSubject): Promise<void> {
    await this.sql.query(`DELETE FROM name_index WHERE subject_id = $1 AND workspace_id = $2`, [
      subject.subjectId,
      subject.workspaceId,
    ]);
    // As with the person's key: the deleted rows' old versions stay on disk until a vacuum.
    await this.sql.exec('VACUUM FULL name_index').catch(() => undefined);
  }

  async withAny(
    workspaceId: string,
    kind: NamedSubject['kind'],
    terms: readonly string[],
  ): Promise<string[]> {
    if (terms.length === 0) return [];
    const key = await this.keyOf(workspaceId);
    const digests = terms.map((t) => digestOf(key, kind, t));
    const { rows } = await this.sql.query<{ id: string }>(
      `SELECT DISTINCT subject_id::text AS id FROM name_index
        WHERE workspace_id = $1 AND kind = $2 AND digest = ANY(
          SELECT decode(d, 'base64') FROM unnest($3::text[]) AS d)`,
      [workspaceId, kind, digests.map((d) => d.toString('base64'))],
    );
    return rows.map((r) => r.id);
  }

  async withAll(
    workspaceId: string,
    kind: NamedSubject['kind'],
    terms: readonly string[],
  ): Promise<string[]> {
    if (terms.length === 0) return [];
    const key = await this.keyOf(workspaceId);
    const digests = terms.map((t) => digestOf(key, kind, t));
    const distinct = [...new Set(digests.map((d) => d.toString('base64')))];
    const { rows } = await this.sql.query<{ id: string }>(
      `SELECT subject_id::text AS id FROM name_index
        WHERE workspace_id = $1 AND kind = $2 AND digest = ANY(
          SELECT decode(d, 'base64') FROM unnest($3::text[]) AS d)
        GROUP BY subject_id HAVING count(DISTINCT digest) = $4`,
      [workspaceId, kind, distinct, distinct.length],
    );
    return rows.map((r) => r.id);
  }

  async holders(
    workspaceId: string,
    kind: NamedSubject['kind'],
    terms: readonly string[],
  ): Promise<Map<string, string[]>> {
    const found = new Map<string, string[]>(terms.map((t) => [t, []]));
    if (terms.length === 0) return found;
    const key = await this.keyOf(workspaceId);
    const termOf = new Map(terms.map((t) => [digestOf(key, kind, t).toString('base64'), t]));
    const { rows } = await this.sql.query<{ digest: string; id: string }>(
      `SELECT encode(digest, 'base64') AS digest, subject_id::text AS id FROM name_index
        WHERE workspace_id = $1 AND kind = $2 AND digest = ANY(
          SELECT decode(d, 'base64') FROM unnest($3::text[]) AS d)`,
      [workspaceId, kind, [...termOf.keys()]],
    );
    for (const r of rows) found.get(termOf.get(r.digest)!)!.push(r.id);
    return found;
  }

  async digester(workspaceId: string): Promise<(text: string) => string> {
    const key = await this.keyOf(workspaceId);
    return (text) => digestOf(key, DERIVED_ID, text).toString('hex');
  }

  /** The workspace's HMAC key, created on first use. */
  private async keyOf(workspaceId: string): Promise<Buffer> {
    const cached = this.keys.get(workspaceId);
    if (cached) return cached;
    const wrapped = encrypt(this.masterKey, newKey(), wrapContext(workspaceId));
    await this.sql.query(
      `INSERT INTO name_index_keys (workspace_id, wrapped_key) VALUES ($1, decode($2, 'base64'))
       ON CONFLICT (workspace_id) DO NOTHING`,
      [workspaceId, wrapped.toString('base64')],
    );
    const { rows } = await this.sql.query<{ wrapped_key: string }>(
      `SELECT encode(wrapped_key, 'base64') AS wrapped_key FROM name_index_keys
        WHERE workspace_id = $1`,
      [workspaceId],
    );
    const key = decrypt(
      this.masterKey,
      Buffer.from(rows[0].wrapped_key, 'base64'),
      wrapContext(workspaceId),
    );
    this.keys.set(workspaceId, key);
    return key;
  }
}

/** The "kind" of derived-id digests: neither a person's nor an organisation's terms. */
const DERIVED_ID = 'derived-id';

function wrapContext(workspaceId: string): string {
  return `name_index_keys:${workspaceId}`;
}

/** The kind is part of the message: a person's digest never matches an organisation's. */
export function digestOf(key: Buffer, kind: string, prefix: string): Buffer {
  return createHmac('sha256', key).update(`${kind}\u0000${prefix}`).digest();
}
