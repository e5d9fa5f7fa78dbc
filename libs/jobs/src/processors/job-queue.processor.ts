import { OnWorkerEvent, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { Job, UnrecoverableError, WaitingError } from 'bullmq';
import { JobWork } from '../job-context';
import { JobRunner } from '../job-runner';

export interface QueuedJobData {
  jobId: string;
}

/**
 * A BullMQ processor that runs a recorded job's work. The same JobWork classes run without
 * Redis too (TableQueueRunner): only the carrier differs.
 */
export abstract class JobQueueProcessor extends WorkerHost {
  private readonly logger = new Logger('Jobs');
  private reportedDown = false;

  protected constructor(
    protected readonly runner: JobRunner,
    protected readonly work: JobWork,
  ) {
    super();
  }

  async process(job: Job<QueuedJobData>, token?: string): Promise<void> {
    const end = await this.runner.run(job.data.jobId, this.work, {
      finalAttempt: job.attemptsMade + 1 >= (job.opts.attempts ?? 1),
      // BullMQ counts failures; a process that died mid-job (stalled, moved back to wait)
      // failed nothing in its eyes. The job record counts starts, whatever ended them.
      attemptLimit: job.opts.attempts ?? 1,
    });
    if (end === 'released') {
      // Back to waiting, for another worker (or this one after its restart) to resume.
      await job.moveToWait(token);
      throw new WaitingError();
    }
    // BullMQ keeps its own account: retry later, or failed for good (the record says why).
    // Failed is final whatever BullMQ's count says: a poisoned job or an unreadable file
    // failed before its attempts ran out, and a retry would only mark it active again.
    if (end === 'failed') throw new UnrecoverableError('the job failed');
    if (end === 'retry') throw new Error('the job will be retried');
  }

  // Without a listener BullMQ prints every failed reconnection while Redis is away.
  @OnWorkerEvent('error')
  onError(): void {
    if (!this.reportedDown) this.logger.warn('Redis is unreachable: jobs wait until it is back');
    this.reportedDown = true;
  }

  @OnWorkerEvent('ready')
  onReady(): void {
    this.reportedDown = false;
  }
}
