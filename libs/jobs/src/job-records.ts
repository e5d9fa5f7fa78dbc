import { Inject, Injectable } from '@nestjs/common';
import { migrate, SQL_CLIENT, SqlClient } from '@app/database';
import { clearUploadsMigration, jobsMigration } from './jobs.migration';

export const JOB_TYPES = ['import', 'export', 'snapshot'] as const;
export type JobType = (typeof JOB_TYPES)[number];
export type JobState = 'queued' | 'active' | 'completed' | 'failed';

export interface JobRecord {
  id: string;
  workspaceId: string | null;
  type: JobType;
  state: JobState;
  progress: number;
  input: Record<string, unknown>;
  result: unknown;
  errors: unknown[];
  attempts: number;
  createdAt: string;
  updatedAt: string;
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
  input: Record<string, unknown>;
  result: unknown;
  errors: unknown[];
  attempts: number;
  created_at: Date | string;
  updated_at: Date | string;
}

/** How long a claimed job stays claimed without news from its runner (table-queue mode). */
export const JOB_LEASE_SECONDS = 60;

/** The `jobs` and `job_files` tables (a job's output files; uploads are sealed elsewhere). */
@Injectable()
export class JobRecords {
  constructor(@Inject(SQL_CLIENT) private readonly sql: SqlClient) {}

  static migrate(sql: SqlClient): Promise<string[]> {
    return migrate(sql, 'job_migrations', [jobsMigration, clearUploadsMigration]);
  }

  /** Creates the job unless one with this id exists; says which happened. */
  async create(job: {
    id: string;
    workspaceId: string | null;
    type: JobType;
    input: Record<string, unknown>;
  }): Promise<{ record: JobRecord; created: boolean }> {
    const inserted = await this.sql.query<JobRow>(
      `INSERT INTO jobs (id, workspace_id, type, state, input) VALUES ($1, $2, $3, 'queued', $4)
       ON CONFLICT (id) DO NOTHING RETURNING *`,
      [job.id, job.workspaceId, job.type, JSON.stringify(job.input)],
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
    await this.sql.query('DELETE FROM job_files WHERE job_id = $1', [id]);
    await this.sql.query('DELETE FROM jobs WHERE id = $1', [id]);
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

  async progress(id: string, percent: number): Promise<void> {
    await this.sql.query(
      `UPDATE jobs SET progress = $2, updated_at = now(),
              locked_until = now() + make_interval(secs => ${JOB_LEASE_SECONDS})
        WHERE id = $1 AND state = 'active'`,
      [id, Math.max(0, Math.min(100, Math.floor(percent)))],
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
    input: row.input,
    result: row.result,
    errors: row.errors,
    attempts: row.attempts,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}
