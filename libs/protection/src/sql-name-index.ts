import { createHmac } from 'node:crypto';
import { migrate, Migration, SqlClient } from '@app/database';
import { MIN_NAME_PREFIX, namePrefixes, nameTokens } from '@app/domain/names';
import { decrypt, encrypt, newKey } from './aes-gcm';
import { NamedSubject, NameIndex, NameMatch } from './name-index.port';

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

  async index(subject: NamedSubject, names: readonly string[]): Promise<void> {
    await this.indexMany([{ subject, names }]);
  }

  async indexMany(
    entries: readonly { subject: NamedSubject; names: readonly string[] }[],
  ): Promise<void> {
    if (entries.length === 0) return;
    const rows: { ws: string; kind: string; digest: string; id: string }[] = [];
    for (const { subject, names } of entries) {
      const key = await this.keyOf(subject.workspaceId);
      for (const term of termsOf(names)) {
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

  async find(
    workspaceId: string,
    kind: NamedSubject['kind'],
    query: string,
  ): Promise<string[] | 'too_short'> {
    const tokens = nameTokens(query);
    if (tokens.length === 0 || tokens.some((t) => t.length < MIN_NAME_PREFIX)) return 'too_short';
    const key = await this.keyOf(workspaceId);
    // Every part of the query must begin some part of the subject's names.
    return this.having(
      workspaceId,
      kind,
      tokens.map((t) => digestOf(key, kind, t)),
    );
  }

  async matches(
    workspaceId: string,
    kind: NamedSubject['kind'],
    names: readonly string[],
  ): Promise<NameMatch[]> {
    const key = await this.keyOf(workspaceId);
    const found = new Map<string, NameMatch['reason']>();
    for (const name of names) {
      const tokens = nameTokens(name);
      if (tokens.length === 0) continue;
      // Their name's parts among the new name's, or the new name's among theirs.
      // A name of one part would match every namesake's first or last name: too many.
      const within =
        tokens.length < 2
          ? []
          : await this.having(
              workspaceId,
              kind,
              tokens.map((t) => digestOf(key, kind, wholePart(t))),
            );
      const around = await this.anyOf(
        workspaceId,
        kind,
        partialNames(tokens).map((n) => digestOf(key, kind, wholeName(n))),
      );
      const same = await this.having(workspaceId, kind, [digestOf(key, kind, wholeName(tokens))]);
      const whole = [...within, ...around];
      for (const id of whole) if (!found.has(id)) found.set(id, 'name_parts_match');
      for (const id of same) found.set(id, 'same_name');
    }
    return [...found].map(([subjectId, reason]) => ({ subjectId, reason }));
  }

  /** The subjects that hold at least one of these digests. */
  private async anyOf(
    workspaceId: string,
    kind: NamedSubject['kind'],
    digests: readonly Buffer[],
  ): Promise<string[]> {
    if (digests.length === 0) return [];
    const { rows } = await this.sql.query<{ id: string }>(
      `SELECT DISTINCT subject_id::text AS id FROM name_index
        WHERE workspace_id = $1 AND kind = $2 AND digest = ANY(
          SELECT decode(d, 'base64') FROM unnest($3::text[]) AS d)`,
      [workspaceId, kind, digests.map((d) => d.toString('base64'))],
    );
    return rows.map((r) => r.id);
  }

  /** The subjects that hold every one of these digests. */
  private async having(
    workspaceId: string,
    kind: NamedSubject['kind'],
    digests: readonly Buffer[],
  ): Promise<string[]> {
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

/**
 * What the index holds of some names: each part's beginnings from three letters (search),
 * each whole part and each whole name (duplicates). The markers keep them apart: the whole
 * part "aga" is not the beginning "aga" of "agadil".
 */
function termsOf(names: readonly string[]): Set<string> {
  const terms = new Set<string>();
  for (const name of names) {
    const tokens = nameTokens(name);
    if (tokens.length === 0) continue;
    for (const t of tokens) {
      for (const prefix of namePrefixes(t)) terms.add(prefix);
      terms.add(wholePart(t));
    }
    terms.add(wholeName(tokens));
  }
  return terms;
}

const wholePart = (token: string) => `=${token}`;

/** Names past this many parts are not split further: the combinations grow as 2^n. */
const MAX_SPLIT_PARTS = 6;

/**
 * The names made of two or more of these parts but not all: "Dulat Agadil Serikovich" gives
 * "Dulat Agadil", "Dulat Serikovich", "Agadil Serikovich", so a record under the shorter name
 * is found.
 */
function partialNames(tokens: readonly string[]): string[][] {
  const parts = tokens.slice(0, MAX_SPLIT_PARTS);
  const out: string[][] = [];
  for (let mask = 1; mask < (1 << parts.length) - 1; mask++) {
    const chosen = parts.filter((_, i) => mask & (1 << i));
    if (chosen.length >= 2) out.push(chosen);
  }
  return out;
}
/** A whole name: its distinct folded parts in order, whichever order they were written in. */
const wholeName = (tokens: readonly string[]) => `==${[...tokens].sort().join(' ')}`;

function wrapContext(workspaceId: string): string {
  return `name_index_keys:${workspaceId}`;
}

/** The kind is part of the message: a person's digest never matches an organisation's. */
export function digestOf(key: Buffer, kind: string, prefix: string): Buffer {
  return createHmac('sha256', key).update(`${kind}\u0000${prefix}`).digest();
}
