import { Inject, Injectable } from '@nestjs/common';
import { Readable } from 'node:stream';
import { migrate, SQL_CLIENT, SqlClient } from '@app/database';
import { chunkedFilesMigration, clearUploadsMigration, jobsMigration } from './jobs.migration';

export const JOB_TYPES = ['import', 'export', 'snapshot'] as const;
export type JobType = (typeof JOB_TYPES)[number];
export type JobState = 'queued' | 'active' | 'completed' | 'failed';

export interface JobRecord {
  id: string;
  workspaceId: string | null;
  type: JobType;
  state: JobState;
  progress: number;
  /** What the percent counts, when the job says (a case export: acts written of the total). */
  progressDetail: ProgressDetail | null;
  input: Record<string, unknown>;
  result: unknown;
  errors: unknown[];
  attempts: number;
  createdAt: string;
  updatedAt: string;
  /** After this the job and its files are gone (null: kept). */
  expiresAt: string | null;
}

export interface ProgressDetail {
  done: number;
  total: number;
  unit: string;
}

/** A stored file as a stream: read from the database one chunk at a time. */
export interface JobFileStream {
  name: string;
  contentType: string;
  bytes: number;
  content: Readable;
}

export interface JobFile {
  name: string;
  contentType: string;
  content: Buffer;
}

interface JobRow {
  id: string;
  workspace_id: string | null;
  type: JobType;
  state: JobState;
  progress: number;
  progress_detail: ProgressDetail | null;
  input: Record<string, unknown>;
  result: unknown;
  errors: unknown[];
  attempts: number;
  created_at: Date | string;
  updated_at: Date | string;
  expires_at: Date | string | null;
}

/** How long a claimed job stays claimed without news from its runner (table-queue mode). */
export const JOB_LEASE_SECONDS = 60;

/** The `jobs` and `job_files` tables (a job's output files; uploads are sealed elsewhere). */
@Injectable()
export class JobRecords {
  constructor(@Inject(SQL_CLIENT) private readonly sql: SqlClient) {}

  static migrate(sql: SqlClient): Promise<string[]> {
    return migrate(sql, 'job_migrations', [
      jobsMigration,
      clearUploadsMigration,
      chunkedFilesMigration,
    ]);
  }

  /** Creates the job unless one with this id exists; says which happened. */
  async create(job: {
    id: string;
    workspaceId: string | null;
    type: JobType;
    input: Record<string, unknown>;
    /** The job and its files are deleted this long after it was created. */
    keepSeconds?: number;
  }): Promise<{ record: JobRecord; created: boolean }> {
    const inserted = await this.sql.query<JobRow>(
      `INSERT INTO jobs (id, workspace_id, type, state, input, expires_at)
       VALUES ($1, $2, $3, 'queued', $4, now() + make_interval(secs => $5::double precision))
       ON CONFLICT (id) DO NOTHING RETURNING *`,
      [job.id, job.workspaceId, job.type, JSON.stringify(job.input), job.keepSeconds ?? null],
    );
    if (inserted.rows.length > 0) return { record: toRecord(inserted.rows[0]), created: true };
    return { record: (await this.get(job.id))!, created: false };
  }

  async get(id: string): Promise<JobRecord | undefined> {
    const { rows } = await this.sql.query<JobRow>('SELECT * FROM jobs WHERE id = $1', [id]);
    return rows.length === 0 ? undefined : toRecord(rows[0]);
  }

  /** A job of this workspace, or nothing: another workspace's job does not exist for the caller. */
  async getInWorkspace(id: string, workspaceId: string): Promise<JobRecord | undefined> {
    const record = await this.get(id);
    return record?.workspaceId === workspaceId ? record : undefined;
  }

  async remove(id: string): Promise<void> {
    await this.sql.query('DELETE FROM job_file_chunks WHERE job_id = $1', [id]);
    await this.sql.query('DELETE FROM job_files WHERE job_id = $1', [id]);
    await this.sql.query('DELETE FROM jobs WHERE id = $1', [id]);
  }

  /** Jobs past their `expires_at`, with their files; says how many went. */
  async removeExpired(): Promise<number> {
    const { rows } = await this.sql.query<{ id: string }>(
      `SELECT id FROM jobs WHERE expires_at < now() AND state IN ('completed', 'failed')`,
    );
    for (const { id } of rows) await this.remove(id);
    return rows.length;
  }

  /**
   * Finished jobs of a workspace whose input says `input[flag] = true`, with their files: an
   * erasure removes every export file that may hold the person's name.
   */
  async removeFlagged(workspaceId: string, flag: string): Promise<number> {
    const { rows } = await this.sql.query<{ id: string }>(
      `SELECT id FROM jobs WHERE workspace_id = $1 AND (input ->> $2) = 'true'`,
      [workspaceId, flag],
    );
    for (const { id } of rows) await this.remove(id);
    return rows.length;
  }

  /** Jobs not finished: what must reach a queue again after Redis lost its data. */
  async pending(olderThanSeconds: number): Promise<JobRecord[]> {
    const { rows } = await this.sql.query<JobRow>(
      `SELECT * FROM jobs WHERE state IN ('queued', 'active')
         AND updated_at < now() - make_interval(secs => $1) ORDER BY created_at LIMIT 100`,
      [olderThanSeconds],
    );
    return rows.map(toRecord);
  }

  /**
   * Jobs waiting (queued, or active) that have had no step for `seconds`: nothing takes or
   * advances them. A running job steps at every 2% at least (progress renews its lease).
   */
  async stalled(seconds: number): Promise<{ jobs: number; seconds: number }> {
    const { rows } = await this.sql.query<{ jobs: number; seconds: number | null }>(
      `SELECT count(*)::int AS jobs,
              floor(extract(epoch FROM now() - min(updated_at)))::int AS seconds
         FROM jobs WHERE state IN ('queued', 'active')
          AND updated_at < now() - make_interval(secs => $1)`,
      [seconds],
    );
    return { jobs: rows[0].jobs, seconds: rows[0].seconds ?? 0 };
  }

  /**
   * Table-queue mode: takes the oldest queued job, or an active one whose runner stopped
   * renewing its lease (a crashed process), for this runner.
   */
  async claim(types: readonly JobType[]): Promise<JobRecord | undefined> {
    const { rows } = await this.sql.query<JobRow>(
      `UPDATE jobs SET state = 'active', attempts = attempts + 1, updated_at = now(),
              locked_until = now() + make_interval(secs => ${JOB_LEASE_SECONDS})
        WHERE id = (SELECT id FROM jobs
                     WHERE type = ANY($1) AND (state = 'queued' OR (state = 'active' AND locked_until < now()))
                     ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED)
        RETURNING *`,
      [types],
    );
    return rows.length === 0 ? undefined : toRecord(rows[0]);
  }

  /** A failed job back to queued, its errors cleared, for another try. */
  async retryFailed(id: string): Promise<JobRecord | undefined> {
    const { rows } = await this.sql.query<JobRow>(
      `UPDATE jobs SET state = 'queued', attempts = 0, errors = '[]'::jsonb, progress = 0,
              updated_at = now() WHERE id = $1 AND state = 'failed' RETURNING *`,
      [id],
    );
    return rows.length === 0 ? undefined : toRecord(rows[0]);
  }

  async markActive(id: string): Promise<JobRecord | undefined> {
    const { rows } = await this.sql.query<JobRow>(
      `UPDATE jobs SET state = 'active', attempts = attempts + 1, updated_at = now(),
              locked_until = now() + make_interval(secs => ${JOB_LEASE_SECONDS})
        WHERE id = $1 AND state <> 'completed' RETURNING *`,
      [id],
    );
    return rows.length === 0 ? undefined : toRecord(rows[0]);
  }

  async progress(id: string, percent: number, detail?: ProgressDetail): Promise<void> {
    await this.sql.query(
      `UPDATE jobs SET progress = $2, updated_at = now(),
              progress_detail = COALESCE($3::jsonb, progress_detail),
              locked_until = now() + make_interval(secs => ${JOB_LEASE_SECONDS})
        WHERE id = $1 AND state = 'active'`,
      [
        id,
        Math.max(0, Math.min(100, Math.floor(percent))),
        detail === undefined ? null : JSON.stringify(detail),
      ],
    );
  }

  async complete(id: string, result: unknown, errors: readonly unknown[]): Promise<void> {
    await this.sql.query(
      `UPDATE jobs SET state = 'completed', progress = 100, result = $2, errors = $3,
              locked_until = NULL, updated_at = now() WHERE id = $1`,
      [id, JSON.stringify(result ?? null), JSON.stringify(errors)],
    );
  }

  /**
   * Back in the queue (a shutdown released it, or a retry will follow). `refundAttempt`: the
   * start does not count (a shutdown, not the job, ended it).
   */
  async requeue(id: string, { refundAttempt = false } = {}): Promise<void> {
    await this.sql.query(
      `UPDATE jobs SET state = 'queued', locked_until = NULL, updated_at = now(),
              attempts = CASE WHEN $2 THEN greatest(attempts - 1, 0) ELSE attempts END
        WHERE id = $1 AND state = 'active'`,
      [id, refundAttempt],
    );
  }

  fail(id: string, message: string): Promise<void> {
    return this.failWith(id, [{ message }]);
  }

  /** Failed for good, with these reasons as its errors. */
  async failWith(id: string, errors: readonly unknown[]): Promise<void> {
    await this.sql.query(
      `UPDATE jobs SET state = 'failed', errors = $2, locked_until = NULL, updated_at = now()
        WHERE id = $1`,
      [id, JSON.stringify(errors)],
    );
  }

  async putFile(jobId: string, file: JobFile): Promise<void> {
    await this.sql.query(
      `INSERT INTO job_files (job_id, name, content_type, content) VALUES ($1, $2, $3, $4)
       ON CONFLICT (job_id, name) DO UPDATE SET content_type = EXCLUDED.content_type, content = EXCLUDED.content`,
      [jobId, file.name, file.contentType, file.content],
    );
  }

  /**
   * Stores a file from a stream, in chunks of about `chunkBytes`: never whole in memory. A run
   * again (after a crash) starts the file afresh. Returns its size in bytes.
   */
  async putFileStream(
    jobId: string,
    file: { name: string; contentType: string },
    content: AsyncIterable<Buffer | Uint8Array | string>,
    chunkBytes = 256 * 1024,
  ): Promise<number> {
    await this.sql.query('DELETE FROM job_file_chunks WHERE job_id = $1 AND name = $2', [
      jobId,
      file.name,
    ]);
    await this.sql.query('DELETE FROM job_files WHERE job_id = $1 AND name = $2', [
      jobId,
      file.name,
    ]);
    let parts: Buffer[] = [];
    let size = 0;
    let seq = 0;
    let bytes = 0;
    const flush = async () => {
      const chunk = Buffer.concat(parts);
      parts = [];
      size = 0;
      await this.sql.query(
        'INSERT INTO job_file_chunks (job_id, name, seq, content) VALUES ($1, $2, $3, $4)',
        [jobId, file.name, seq++, chunk],
      );
      bytes += chunk.length;
    };
    for await (const piece of content) {
      const buffer = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : Buffer.from(piece);
      parts.push(buffer);
      size += buffer.length;
      if (size >= chunkBytes) await flush();
    }
    if (size > 0 || seq === 0) await flush();
    await this.sql.query(
      `INSERT INTO job_files (job_id, name, content_type, content, chunks, bytes)
       VALUES ($1, $2, $3, ''::bytea, $4, $5)`,
      [jobId, file.name, file.contentType, seq, bytes],
    );
    return bytes;
  }

  /** A file as a stream, whole or chunked: a chunked file is read one chunk per query. */
  async openFile(jobId: string, name: string): Promise<JobFileStream | undefined> {
    const { rows } = await this.sql.query<{
      content_type: string;
      chunks: number | null;
      bytes: string | null;
    }>('SELECT content_type, chunks, bytes FROM job_files WHERE job_id = $1 AND name = $2', [
      jobId,
      name,
    ]);
    if (rows.length === 0) return undefined;
    if (rows[0].chunks === null) {
      const file = (await this.getFile(jobId, name))!;
      return { ...file, bytes: file.content.length, content: Readable.from([file.content]) };
    }
    const { chunks } = rows[0];
    const sql = this.sql;
    async function* read(): AsyncGenerator<Buffer> {
      for (let seq = 0; seq < chunks; seq++) {
        const { rows: chunk } = await sql.query<{ content: Uint8Array }>(
          'SELECT content FROM job_file_chunks WHERE job_id = $1 AND name = $2 AND seq = $3',
          [jobId, name, seq],
        );
        if (chunk.length === 0) throw new Error('a chunk of the file is missing');
        yield Buffer.from(chunk[0].content);
      }
    }
    return {
      name,
      contentType: rows[0].content_type,
      bytes: Number(rows[0].bytes),
      content: Readable.from(read(), { objectMode: false }),
    };
  }

  async getFile(jobId: string, name: string): Promise<JobFile | undefined> {
    const { rows } = await this.sql.query<{
      name: string;
      content_type: string;
      content: Uint8Array;
    }>('SELECT name, content_type, content FROM job_files WHERE job_id = $1 AND name = $2', [
      jobId,
      name,
    ]);
    if (rows.length === 0) return undefined;
    const row = rows[0];
    return { name: row.name, contentType: row.content_type, content: Buffer.from(row.content) };
  }
}

function toRecord(row: JobRow): JobRecord {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    type: row.type,
    state: row.state,
    progress: row.progress,
    progressDetail: row.progress_detail ?? null,
    input: row.input,
    result: row.result,
    errors: row.errors,
    attempts: row.attempts,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
    expiresAt: row.expires_at == null ? null : new Date(row.expires_at).toISOString(),
  };
}
