import { migrate, Migration, SqlClient } from '@app/database';
import { FileContexts, openFile, sealFile } from './file-seal';
import { UploadRef, UploadStorage } from './upload-storage.port';

/**
 * One row per upload while it is kept: the file key wrapped by the master key, the content
 * sealed under it, the ids of the persons it names. Deleting the row is destroying the key.
 */
export const UPLOAD_STORAGE_MIGRATIONS: readonly Migration[] = [
  {
    id: '0001-upload-files',
    sql: /* sql */ `
CREATE TABLE upload_files (
  upload_id     text PRIMARY KEY,
  workspace_id  text NOT NULL,
  wrapped_key   bytea NOT NULL,
  content       bytea NOT NULL,
  person_ids    text[] NOT NULL DEFAULT '{}',
  keep_until    timestamptz,
  created_at    timestamptz NOT NULL DEFAULT now()
);`,
  },
];

export class SqlUploadStorage implements UploadStorage {
  constructor(
    private readonly sql: SqlClient,
    private readonly masterKey: Buffer,
  ) {}

  static async migrate(sql: SqlClient): Promise<void> {
    await migrate(sql, 'upload_storage_migrations', UPLOAD_STORAGE_MIGRATIONS);
  }

  async put(ref: UploadRef, bytes: Buffer, keepDays: number): Promise<void> {
    const { wrappedKey, content } = sealFile(this.masterKey, bytes, contextsOf(ref));
    await this.sql.query(
      `INSERT INTO upload_files (upload_id, workspace_id, wrapped_key, content, keep_until)
       VALUES ($1, $2, decode($3, 'base64'), decode($4, 'base64'),
               CASE WHEN $5::int > 0 THEN now() + make_interval(days => $5::int) END)
       ON CONFLICT (upload_id) DO UPDATE
         SET keep_until = greatest(upload_files.keep_until, EXCLUDED.keep_until)`,
      [
        ref.uploadId,
        ref.workspaceId,
        wrappedKey.toString('base64'),
        content.toString('base64'),
        keepDays,
      ],
    );
  }

  async get(ref: UploadRef): Promise<Buffer | undefined> {
    const { rows } = await this.sql.query<{ wrapped: string; content: string }>(
      `SELECT encode(wrapped_key, 'base64') AS wrapped, encode(content, 'base64') AS content
         FROM upload_files WHERE upload_id = $1 AND workspace_id = $2`,
      [ref.uploadId, ref.workspaceId],
    );
    if (rows.length === 0) return undefined;
    const sealed = {
      wrappedKey: Buffer.from(rows[0].wrapped, 'base64'),
      content: Buffer.from(rows[0].content, 'base64'),
    };
    return openFile(this.masterKey, sealed, contextsOf(ref));
  }

  async naming(ref: UploadRef, personIds: readonly string[]): Promise<void> {
    if (personIds.length === 0) return;
    await this.sql.query(
      `UPDATE upload_files
          SET person_ids = ARRAY(SELECT DISTINCT unnest(person_ids || $3::text[]))
        WHERE upload_id = $1 AND workspace_id = $2`,
      [ref.uploadId, ref.workspaceId, personIds],
    );
  }

  async release(ref: UploadRef): Promise<void> {
    await this.deleteWhere(
      `(upload_id = $1 AND workspace_id = $2 AND (keep_until IS NULL OR keep_until <= now()))
        OR keep_until <= now()`,
      [ref.uploadId, ref.workspaceId],
    );
  }

  forgetPersons(workspaceId: string, personIds: readonly string[]): Promise<number> {
    return this.deleteWhere(`workspace_id = $1 AND person_ids && $2::text[]`, [
      workspaceId,
      personIds,
    ]);
  }

  private async deleteWhere(condition: string, params: unknown[]): Promise<number> {
    const { rows } = await this.sql.query<{ upload_id: string }>(
      `DELETE FROM upload_files WHERE ${condition} RETURNING upload_id`,
      params,
    );
    // The deleted rows' old versions (wrapped key and ciphertext) stay on disk until a vacuum:
    // rewrite the table now, as the key vault does. The table holds only uploads in flight, so
    // the rewrite is small. Best effort: the rows are gone for every reader already.
    if (rows.length > 0) await this.sql.exec('VACUUM FULL upload_files').catch(() => undefined);
    return rows.length;
  }
}

function contextsOf(ref: UploadRef): FileContexts {
  return {
    key: `upload_keys:${ref.workspaceId}:${ref.uploadId}`,
    content: `upload:${ref.workspaceId}:${ref.uploadId}`,
  };
}
