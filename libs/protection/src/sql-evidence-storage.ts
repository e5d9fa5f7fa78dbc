import { migrate, Migration, SqlClient } from '@app/database';
import { FileContexts, openFile, sealFile } from './file-seal';
import { EvidenceRef, EvidenceStorage } from './evidence-storage.port';

/**
 * One row per file: the file key wrapped by the master key, and the content encrypted under
 * the file key. Destroying clears both and stamps `destroyed_at`; the row stays so the id is
 * never reused.
 */
export const EVIDENCE_STORAGE_MIGRATIONS: readonly Migration[] = [
  {
    id: '0001-evidence-files',
    sql: /* sql */ `
CREATE TABLE evidence_files (
  evidence_id   uuid PRIMARY KEY,
  workspace_id  uuid NOT NULL,
  incident_id   uuid NOT NULL,
  wrapped_key   bytea,
  content       bytea,
  created_at    timestamptz NOT NULL DEFAULT now(),
  destroyed_at  timestamptz,
  CHECK ((wrapped_key IS NULL) = (destroyed_at IS NOT NULL)),
  CHECK ((content IS NULL) = (destroyed_at IS NOT NULL))
);
CREATE INDEX evidence_files_incident ON evidence_files (workspace_id, incident_id);`,
  },
];

export class SqlEvidenceStorage implements EvidenceStorage {
  constructor(
    private readonly sql: SqlClient,
    private readonly masterKey: Buffer,
  ) {}

  static async migrate(sql: SqlClient): Promise<void> {
    await migrate(sql, 'evidence_storage_migrations', EVIDENCE_STORAGE_MIGRATIONS);
  }

  async put(ref: EvidenceRef, bytes: Buffer): Promise<void> {
    const { wrappedKey, content } = sealFile(this.masterKey, bytes, contextsOf(ref));
    await this.sql.query(
      `INSERT INTO evidence_files (evidence_id, workspace_id, incident_id, wrapped_key, content)
       VALUES ($1, $2, $3, decode($4, 'base64'), decode($5, 'base64'))
       ON CONFLICT (evidence_id) DO NOTHING`,
      [
        ref.evidenceId,
        ref.workspaceId,
        ref.incidentId,
        wrappedKey.toString('base64'),
        content.toString('base64'),
      ],
    );
  }

  async get(ref: Omit<EvidenceRef, 'incidentId'>): Promise<Buffer | 'destroyed' | undefined> {
    const { rows } = await this.sql.query<{ wrapped: string | null; content: string | null }>(
      `SELECT encode(wrapped_key, 'base64') AS wrapped, encode(content, 'base64') AS content
         FROM evidence_files WHERE evidence_id = $1 AND workspace_id = $2`,
      [ref.evidenceId, ref.workspaceId],
    );
    if (rows.length === 0) return undefined;
    const { wrapped, content } = rows[0];
    if (wrapped === null || content === null) return 'destroyed';
    return openFile(
      this.masterKey,
      { wrappedKey: Buffer.from(wrapped, 'base64'), content: Buffer.from(content, 'base64') },
      contextsOf(ref),
    );
  }

  async destroy(ref: Omit<EvidenceRef, 'incidentId'>): Promise<void> {
    await this.sql.query(
      `UPDATE evidence_files SET wrapped_key = NULL, content = NULL,
              destroyed_at = COALESCE(destroyed_at, now())
        WHERE evidence_id = $1 AND workspace_id = $2`,
      [ref.evidenceId, ref.workspaceId],
    );
    // The old row versions (key and ciphertext) stay on disk until a vacuum: rewrite now.
    // Best effort: the key is already unusable through SQL.
    await this.sql.exec('VACUUM FULL evidence_files').catch(() => undefined);
  }

  async countFor(workspaceId: string, incidentId: string): Promise<number> {
    const { rows } = await this.sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM evidence_files
        WHERE workspace_id = $1 AND incident_id = $2 AND destroyed_at IS NULL`,
      [workspaceId, incidentId],
    );
    return rows[0].n;
  }

  async idsFor(workspaceId: string, incidentId: string): Promise<string[]> {
    const { rows } = await this.sql.query<{ id: string }>(
      `SELECT evidence_id::text AS id FROM evidence_files
        WHERE workspace_id = $1 AND incident_id = $2 ORDER BY created_at, evidence_id`,
      [workspaceId, incidentId],
    );
    return rows.map((r) => r.id);
  }
}

function contextsOf(ref: Omit<EvidenceRef, 'incidentId'>): FileContexts {
  return {
    key: `evidence_keys:${ref.workspaceId}:${ref.evidenceId}`,
    content: `evidence:${ref.workspaceId}:${ref.evidenceId}`,
  };
}
