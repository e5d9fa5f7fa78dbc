import { Migration } from '@app/database';

/**
 * Job records: the durable truth about every job (who asked, its state, progress, result),
 * whatever carries the work (BullMQ on Redis, or this table itself without Redis). Files (an
 * uploaded sheet, an exported workbook) sit beside them, so api and worker processes on
 * different machines share them through the database, and a file name is a key, never a path.
 */
export const jobsMigration: Migration = {
  id: '0001-jobs',
  sql: `
CREATE TABLE jobs (
  id            text PRIMARY KEY,
  workspace_id  text,
  type          text NOT NULL,
  state         text NOT NULL,
  progress      integer NOT NULL DEFAULT 0,
  input         jsonb NOT NULL,
  result        jsonb,
  errors        jsonb NOT NULL DEFAULT '[]'::jsonb,
  attempts      integer NOT NULL DEFAULT 0,
  locked_until  timestamptz,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX jobs_pending ON jobs (created_at) WHERE state IN ('queued', 'active');

CREATE TABLE job_files (
  job_id        text NOT NULL,
  name          text NOT NULL,
  content_type  text NOT NULL,
  content       bytea NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (job_id, name)
);
`,
};

/**
 * Uploaded sheets no longer live here: they are sealed in `upload_files` (libs/protection) and
 * deleted when their job ends. Those kept in clear before go now; a job still waiting for one
 * ends with a problem asking for the sheet again.
 */
export const clearUploadsMigration: Migration = {
  id: '0002-no-clear-uploads',
  sql: `DELETE FROM job_files WHERE name = 'input';`,
};

/**
 * Case-level exports (GET /incidents/export as a job) can be large and can carry names:
 * - a file is stored in chunks (`job_file_chunks`), written and read one chunk at a time, so
 *   neither the job nor the download holds it whole; `job_files` keeps its type, size and
 *   chunk count (`chunks` NULL: the whole file is in `content`);
 * - a job may expire (`expires_at`): it goes with its files, and the same request runs again;
 * - `progress_detail` says what the percent counts (acts written of the total).
 */
export const chunkedFilesMigration: Migration = {
  id: '0003-chunked-files',
  sql: `
ALTER TABLE jobs ADD COLUMN progress_detail jsonb;
ALTER TABLE jobs ADD COLUMN expires_at timestamptz;
CREATE INDEX jobs_expiring ON jobs (expires_at) WHERE expires_at IS NOT NULL;
ALTER TABLE job_files ADD COLUMN chunks integer;
ALTER TABLE job_files ADD COLUMN bytes bigint;
CREATE TABLE job_file_chunks (
  job_id   text NOT NULL,
  name     text NOT NULL,
  seq      integer NOT NULL,
  content  bytea NOT NULL,
  PRIMARY KEY (job_id, name, seq)
);
`,
};
