import { migrate, Migration, outsideSameTransactionRecord, SqlClient } from '@app/database';
import { decrypt, encrypt, KEY_BYTES, newKey } from './aes-gcm';
import { openText, sealedGeneration, sealText, TextKeyId } from './incident-text-seal';

/**
 * The keys of incidents' free text: one row per incident, field and generation, the key
 * wrapped by the master key. A redaction destroys every generation of a field (the row stays,
 * `wrapped_key` cleared) and notes the redaction's replacement, sealed under the new
 * generation, so that what the old keys sealed reads as that replacement.
 */
export const INCIDENT_TEXT_KEY_MIGRATIONS: readonly Migration[] = [
  {
    id: '0001-incident-text-keys',
    sql: /* sql */ `
CREATE TABLE incident_text_keys (
  incident_id   uuid NOT NULL,
  field         text NOT NULL,
  generation    int NOT NULL,
  workspace_id  uuid NOT NULL,
  wrapped_key   bytea,
  replacement   text,
  created_at    timestamptz NOT NULL DEFAULT now(),
  destroyed_at  timestamptz,
  PRIMARY KEY (incident_id, field, generation),
  CHECK ((wrapped_key IS NULL) = (destroyed_at IS NOT NULL))
);`,
  },
];

/** Which field of which incident. */
export interface TextFieldRef {
  workspaceId: string;
  incidentId: string;
  field: string;
}

/** What a sealed value reads as: its value, or nothing left to read. */
export type OpenedText = { value: unknown } | 'destroyed';

interface KeyRow {
  incident_id: string;
  field: string;
  generation: number;
  wrapped_key: string | null;
  replacement: string | null;
}

/**
 * The unwrapped keys of some incidents, for one read or one append: never kept longer, so a
 * key destroyed in another process is not used again from a cache.
 */
export class TextKeyRing {
  private readonly keys = new Map<string, Buffer | { replacement: string | null }>();
  /** The live generations of each field. */
  private readonly live = new Map<string, number[]>();

  constructor(
    private readonly masterKey: Buffer,
    rows: readonly KeyRow[],
  ) {
    for (const row of rows) this.add(row);
  }

  add(row: KeyRow): void {
    const id = { incidentId: row.incident_id, field: row.field, generation: row.generation };
    const name = `${id.incidentId}:${id.field}`;
    if (row.wrapped_key === null) {
      this.keys.set(`${name}:${id.generation}`, { replacement: row.replacement });
      return;
    }
    this.addKey(
      id,
      decrypt(this.masterKey, Buffer.from(row.wrapped_key, 'base64'), wrapContext(id)),
    );
  }

  /** A live key this process has just created (no need to unwrap what it wrapped). */
  addKey(id: TextKeyId, key: Buffer): void {
    const name = `${id.incidentId}:${id.field}`;
    this.keys.set(`${name}:${id.generation}`, key);
    this.live.set(name, [...(this.live.get(name) ?? []), id.generation]);
  }

  /** The newest live generation of the field, if it has one. */
  generationOf(incidentId: string, field: string): number | undefined {
    const live = this.live.get(`${incidentId}:${field}`);
    return live === undefined ? undefined : Math.max(...live);
  }

  /** Whether a generation before this one is still live: a redaction not yet carried out. */
  hasLiveBefore(incidentId: string, field: string, generation: number): boolean {
    return (this.live.get(`${incidentId}:${field}`) ?? []).some((g) => g < generation);
  }

  /** Seals under the field's newest live generation (there must be one: see `TextKeys.ring`). */
  seal(incidentId: string, field: string, value: unknown): string {
    const generation = this.generationOf(incidentId, field);
    if (generation === undefined) throw new Error('no live key for this field');
    return this.sealAt({ incidentId, field, generation }, value);
  }

  sealAt(id: TextKeyId, value: unknown): string {
    const key = this.keys.get(`${id.incidentId}:${id.field}:${id.generation}`);
    if (!(key instanceof Buffer)) throw new Error('no live key for this generation');
    return sealText(key, id, value);
  }

  /**
   * A sealed value opened; once its key is destroyed, the replacement the redaction noted (it
   * may itself have been redacted since: then the later one), else 'destroyed'.
   */
  open(incidentId: string, field: string, sealed: string, depth = 0): OpenedText {
    const generation = sealedGeneration(sealed);
    if (generation === undefined) return { value: sealed };
    const id = { incidentId, field, generation };
    const key = this.keys.get(`${incidentId}:${field}:${generation}`);
    if (key instanceof Buffer) return { value: openText(key, id, sealed) };
    const replacement =
      key === undefined ? null : (key as { replacement: string | null }).replacement;
    if (replacement == null || depth > 100) return 'destroyed';
    return this.open(incidentId, field, replacement, depth + 1);
  }
}

export class SqlIncidentTextKeys {
  constructor(
    private readonly sql: SqlClient,
    private readonly masterKey: Buffer,
  ) {
    if (masterKey.length !== KEY_BYTES) throw new Error('the master key must be 32 bytes');
  }

  static async migrate(sql: SqlClient): Promise<void> {
    await migrate(sql, 'incident_text_key_migrations', INCIDENT_TEXT_KEY_MIGRATIONS);
  }

  /**
   * The keys of these incidents; each field of `sealing` gets a live generation first if it
   * has none (a new incident, or a field whose keys a redaction destroyed).
   */
  async ring(incidentIds: readonly string[], sealing: readonly TextFieldRef[] = []) {
    const ids = [...new Set([...incidentIds, ...sealing.map((s) => s.incidentId)])];
    if (ids.length === 0) return new TextKeyRing(this.masterKey, []);
    const rows = await this.rowsOf(ids);
    const ring = new TextKeyRing(this.masterKey, rows);
    const missing = new Map<string, TextFieldRef & { generation: number }>();
    for (const ref of sealing) {
      const name = `${ref.incidentId}:${ref.field}`;
      if (ring.generationOf(ref.incidentId, ref.field) !== undefined || missing.has(name)) continue;
      const newest = rows
        .filter((r) => r.incident_id === ref.incidentId && r.field === ref.field)
        .reduce((max, r) => Math.max(max, r.generation), 0);
      missing.set(name, { ...ref, generation: newest + 1 });
    }
    if (missing.size === 0) return ring;
    const created = [...missing.values()];
    const keys = await this.insert(created);
    if (keys !== undefined) {
      created.forEach((ref, i) => ring.addKey(ref, keys[i]));
      return ring;
    }
    // A concurrent writer created some of these generations first: read what was kept.
    return new TextKeyRing(this.masterKey, await this.rowsOf(ids));
  }

  /** A generation after every existing one of the field (a redaction's replacement). */
  async nextGeneration(ref: TextFieldRef): Promise<TextKeyRing> {
    const rows = await this.rowsOf([ref.incidentId]);
    const newest = rows
      .filter((r) => r.field === ref.field)
      .reduce((max, r) => Math.max(max, r.generation), 0);
    await this.insert([{ ...ref, generation: newest + 1 }]);
    return new TextKeyRing(this.masterKey, await this.rowsOf([ref.incidentId]));
  }

  /**
   * Destroys every generation of the field before `generation`, noting the replacement
   * (sealed under `generation`) that their values now read as; earlier destroyed ones point
   * at it too. The table is rewritten so that no old row version keeps a wrapped key.
   */
  async destroyBefore(ref: TextFieldRef, generation: number, replacement: string): Promise<void> {
    await this.sql.query(
      `UPDATE incident_text_keys
          SET wrapped_key = NULL, destroyed_at = COALESCE(destroyed_at, now()), replacement = $4
        WHERE incident_id = $1 AND field = $2 AND generation < $3 AND workspace_id = $5`,
      [ref.incidentId, ref.field, generation, replacement, ref.workspaceId],
    );
    await this.sql.exec('VACUUM FULL incident_text_keys').catch(() => undefined);
  }

  /** The new keys, in the order given; undefined when another writer created any of them first. */
  private async insert(
    rows: readonly (TextFieldRef & { generation: number })[],
  ): Promise<Buffer[] | undefined> {
    const keys = rows.map(() => newKey());
    const wrapped = rows.map((r, i) =>
      encrypt(this.masterKey, keys[i], wrapContext(r)).toString('base64'),
    );
    // Bookkeeping, not the request's change: the audit entry of the request must commit with
    // the append that follows, not with these keys (a key whose append then fails seals nothing).
    const { rowCount } = await outsideSameTransactionRecord(() =>
      this.sql.query(
        `INSERT INTO incident_text_keys (incident_id, field, generation, workspace_id, wrapped_key)
       SELECT i, f, g, w, decode(k, 'base64')
         FROM unnest($1::uuid[], $2::text[], $3::int[], $4::uuid[], $5::text[]) AS r(i, f, g, w, k)
       ON CONFLICT DO NOTHING`,
        [
          rows.map((r) => r.incidentId),
          rows.map((r) => r.field),
          rows.map((r) => r.generation),
          rows.map((r) => r.workspaceId),
          wrapped,
        ],
      ),
    );
    return rowCount === rows.length ? keys : undefined;
  }

  private async rowsOf(incidentIds: readonly string[]): Promise<KeyRow[]> {
    const { rows } = await this.sql.query<KeyRow>(
      `SELECT incident_id::text AS incident_id, field, generation,
              encode(wrapped_key, 'base64') AS wrapped_key, replacement
         FROM incident_text_keys WHERE incident_id = ANY($1::uuid[])`,
      [incidentIds],
    );
    return rows;
  }
}

function wrapContext({ incidentId, field, generation }: TextKeyId): string {
  return `incident_text_keys:${incidentId}:${field}:${generation}`;
}
