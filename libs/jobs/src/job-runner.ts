import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { JobContext, JobOutcome, JobReleased, JobWork } from './job-context';
import { JobRecord, JobRecords } from './job-records';

export type RunEnd = 'done' | 'released' | 'retry' | 'failed';

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

  constructor(private readonly records: JobRecords) {}

  get stopping(): boolean {
    return this.shuttingDown;
  }

  /**
   * `claimed`: the table queue already marked it active. `finalAttempt`: a failure is final
   * (otherwise the carrier retries and the job stays queued).
   */
  run(
    jobId: string,
    work: JobWork,
    options: { claimed?: JobRecord; finalAttempt: boolean },
  ): Promise<RunEnd> {
    const run = this.runOnce(jobId, work, options);
    this.running.add(run);
    return run.finally(() => this.running.delete(run));
  }

  private async runOnce(
    jobId: string,
    work: JobWork,
    { claimed, finalAttempt }: { claimed?: JobRecord; finalAttempt: boolean },
  ): Promise<RunEnd> {
    // Completed already (a duplicate delivery after a lost Redis): nothing to do.
    const record = claimed ?? (await this.records.markActive(jobId));
    if (record === undefined) return 'done';
    let reported = record.progress;
    const context: JobContext = {
      record,
      progress: async (percent) => {
        const whole = Math.floor(percent);
        if (whole <= reported) return;
        reported = whole;
        await this.records.progress(jobId, whole);
      },
      stopping: () => this.shuttingDown,
    };
    let outcome: JobOutcome;
    try {
      outcome = await work.run(context);
    } catch (error) {
      if (error instanceof JobReleased) {
        await this.records.requeue(jobId);
        this.logger.log(`job ${jobId} released for shutdown at ${reported}%`);
        return 'released';
      }
      // Names only: a message could quote the input, which may be personal data.
      const name = error instanceof Error ? error.name : 'error';
      this.logger.error(`job ${jobId} failed (${name})${finalAttempt ? '' : '; will retry'}`);
      if (!finalAttempt) {
        await this.records.requeue(jobId);
        return 'retry';
      }
      await this.records.fail(jobId, `The job failed (${name}). Start it again to retry.`);
      return 'failed';
    }
    await this.records.complete(jobId, outcome.result, outcome.errors);
    return 'done';
  }

  /** Asks running jobs to stop at their next safe point and waits for them. */
  async beforeApplicationShutdown(): Promise<void> {
    this.shuttingDown = true;
    await Promise.allSettled([...this.running]);
  }
}
