import { createHash } from 'node:crypto';
import { JobRecord, JobType, ProgressDetail } from './job-records';

/** What a job's work sees: its record, a way to report progress, and whether to stop. */
export interface JobContext {
  readonly record: JobRecord;
  /**
   * Percent done; written when the whole percent changes, with what it counts if given
   * (`{ done: 5000, total: 100000, unit: 'acts' }`).
   */
  progress(percent: number, detail?: ProgressDetail): Promise<void>;
  /** True once the process is shutting down: stop at the next safe point and throw JobReleased. */
  stopping(): boolean;
}

/** Thrown by a job that stopped for a shutdown: it goes back to its queue, to resume elsewhere. */
export class JobReleased extends Error {
  constructor() {
    super('released for a shutdown');
    this.name = 'JobReleased';
  }
}

/**
 * Thrown by a job whose input cannot be worked at all (a file that cannot be read, past a
 * limit): it fails at once, for good (the same input fails the same way again), with these
 * reasons as its errors. They are shown to the caller, so they never quote the input.
 */
export class JobFailed extends Error {
  constructor(readonly errors: readonly unknown[]) {
    super('the job cannot work with its input');
    this.name = 'JobFailed';
  }
}

export interface JobOutcome {
  result: unknown;
  /** Problems the job found in its input (not failures of the job itself). */
  errors: unknown[];
}

/**
 * One kind of job's work. It must be idempotent: a job runs again after a crash or a lost
 * Redis, and when released it resumes from the start (its commands carry idempotency keys).
 */
export interface JobWork {
  readonly type: JobType;
  run(context: JobContext): Promise<JobOutcome>;
  /**
   * The job reached its end (completed, or failed for good): what it kept only for its runs
   * goes now (an import's uploaded sheet). Called once per end; a failure here is logged.
   */
  ended?(record: JobRecord): Promise<void>;
}

/**
 * A job id from the job's input: the same input twice is the same job. BullMQ 6 refuses ids
 * that are integers or contain `:`; these are `<type>-<hex>`.
 */
export function contentJobId(type: JobType, ...parts: readonly (string | Uint8Array)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) {
    hash.update(typeof part === 'string' ? Buffer.from(part, 'utf8') : part);
    hash.update('\u0000');
  }
  return `${type}-${hash.digest('hex').slice(0, 40)}`;
}

/** The queue each type of job goes to: imports are long, exports short, snapshots scheduled. */
export const QUEUE_OF: Readonly<Record<JobType, string>> = {
  import: 'imports',
  export: 'exports',
  snapshot: 'snapshots',
};

/**
 * The token each type's JobWork is provided under. The library that does the work provides it
 * (libs/imports, libs/exports, libs/application); the processors here only run it, so job
 * plumbing depends on none of them.
 */
export const JOB_WORK: Readonly<Record<JobType, string>> = {
  import: 'JobWork:import',
  export: 'JobWork:export',
  snapshot: 'JobWork:snapshot',
};
