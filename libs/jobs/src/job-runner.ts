import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { JobContext, JobFailed, JobOutcome, JobReleased, JobWork } from './job-context';
import { JobRecord, JobRecords } from './job-records';

export type RunEnd = 'done' | 'released' | 'retry' | 'failed';

export interface RunOptions {
  claimed?: JobRecord;
  finalAttempt: boolean;
  attemptLimit: number;
}

/**
 * Runs one job's work with its lifecycle in the job records: active, progress, completed,
 * failed, or back to queued when a shutdown released it. BullMQ processors and the table
 * queue both run jobs through here, so a job behaves the same whatever carries it.
 */
@Injectable()
export class JobRunner implements BeforeApplicationShutdown {
  private readonly logger = new Logger('Jobs');
  private shuttingDown = false;
  private readonly running = new Set<Promise<unknown>>();
  /** When this process last started, advanced or ended a job (or was started itself). */
  private lastStep = Date.now();

  constructor(private readonly records: JobRecords) {}

  get stopping(): boolean {
    return this.shuttingDown;
  }

  /** How long this process has taken no job step: what the watchdog weighs (job-watchdog.ts). */
  get idleMs(): number {
    return Date.now() - this.lastStep;
  }

  /** A job step, or a restart the watchdog made: it waits a whole stall period before the next. */
  stepped(): void {
    this.lastStep = Date.now();
  }

  /**
   * `claimed`: the table queue already marked it active. `finalAttempt`: a failure is final
   * (otherwise the carrier retries and the job stays queued). `attemptLimit`: how many starts
   * a job gets; one started more often than that stopped its process every time (see below).
   */
  run(jobId: string, work: JobWork, options: RunOptions): Promise<RunEnd> {
    this.stepped();
    const run = this.runOnce(jobId, work, options);
    this.running.add(run);
    return run.finally(() => {
      this.stepped();
      this.running.delete(run);
    });
  }

  private async runOnce(
    jobId: string,
    work: JobWork,
    { claimed, finalAttempt, attemptLimit }: RunOptions,
  ): Promise<RunEnd> {
    // Completed already (a duplicate delivery after a lost Redis): nothing to do.
    const record = claimed ?? (await this.records.markActive(jobId));
    if (record === undefined) return 'done';
    if (record.attempts > attemptLimit) return this.ended(work, record, this.failPoisoned(record));
    let reported = record.progress;
    const context: JobContext = {
      record,
      progress: async (percent, detail) => {
        const whole = Math.floor(percent);
        if (whole <= reported) return;
        reported = whole;
        await this.records.progress(jobId, whole, detail);
        this.stepped();
      },
      stopping: () => this.shuttingDown,
    };
    let outcome: JobOutcome;
    try {
      outcome = await work.run(context);
    } catch (error) {
      if (error instanceof JobReleased) {
        // A shutdown is not the job's fault: the start it used is given back.
        await this.records.requeue(jobId, { refundAttempt: true });
        this.logger.log(`job ${jobId} released for shutdown at ${reported}%`);
        return 'released';
      }
      // Names only: a message could quote the input, which may be personal data.
      const name = error instanceof Error ? error.name : 'error';
      if (error instanceof JobFailed) {
        this.logger.warn(`job ${jobId} failed: its input cannot be worked`);
        const failed = this.records.failWith(jobId, error.errors);
        return this.ended(
          work,
          record,
          failed.then(() => 'failed'),
        );
      }
      this.logger.error(`job ${jobId} failed (${name})${finalAttempt ? '' : '; will retry'}`);
      if (!finalAttempt) {
        await this.records.requeue(jobId);
        return 'retry';
      }
      const failed = this.records.fail(jobId, `The job failed (${name}). Start it again to retry.`);
      return this.ended(
        work,
        record,
        failed.then(() => 'failed'),
      );
    }
    const completed = this.records.complete(jobId, outcome.result, outcome.errors);
    return this.ended(
      work,
      record,
      completed.then(() => 'done'),
    );
  }

  /** After the record says the job ended, the work's own end (an upload deleted). */
  private async ended(work: JobWork, record: JobRecord, end: Promise<RunEnd>): Promise<RunEnd> {
    const result = await end;
    try {
      await work.ended?.(record);
    } catch (error) {
      const name = error instanceof Error ? error.name : 'error';
      this.logger.error(`job ${record.id} ended, but its end step failed (${name})`);
    }
    return result;
  }

  /**
   * Attempts are counted when a job starts, and a failure that throws is counted as final at
   * the limit, so a start beyond the limit means the earlier ones never came back: the process
   * running the job died (out of memory, killed). Running it again would take the process down
   * again, in embedded mode the whole API, on every restart; so it ends here, unrun.
   */
  private async failPoisoned(record: JobRecord): Promise<RunEnd> {
    const stops = record.attempts - 1;
    this.logger.error(`job ${record.id} stopped its process ${stops} times; marked failed`);
    await this.records.fail(
      record.id,
      `The job stopped the worker ${stops} times before it could finish (the process ran out ` +
        'of memory or was killed), so it is not tried again. Check the file, then start it again.',
    );
    return 'failed';
  }

  /** Asks running jobs to stop at their next safe point and waits for them. */
  async beforeApplicationShutdown(): Promise<void> {
    this.shuttingDown = true;
    await Promise.allSettled([...this.running]);
  }
}
