import { Processor } from '@nestjs/bullmq';
import { Inject } from '@nestjs/common';
import { Job } from 'bullmq';
import { JOB_WORK, JobWork, QUEUE_OF } from '../job-context';
import { JobRecords } from '../job-records';
import { JobRunner } from '../job-runner';
import { monthlySnapshotJobId, previousMonth } from '../monthly-schedule';
import { JobQueueProcessor, QueuedJobData } from './job-queue.processor';

export const MONTHLY_SNAPSHOT_SCHEDULER = 'monthly-draft-snapshot';

// Its worker options (concurrency, lock) are set by JobProcessorsModule.forConfig.
@Processor(QUEUE_OF.snapshot)
export class SnapshotsProcessor extends JobQueueProcessor {
  constructor(
    runner: JobRunner,
    @Inject(JOB_WORK.snapshot) work: JobWork,
    private readonly records: JobRecords,
  ) {
    super(runner, work);
  }

  /** The scheduler's jobs carry no record: the month's job record is made here, once. */
  override async process(job: Job<Partial<QueuedJobData>>, token?: string): Promise<void> {
    if (job.data.jobId !== undefined) return super.process(job as Job<QueuedJobData>, token);
    // Now, not job.timestamp: the scheduler creates each month's job a month ahead.
    const month = previousMonth(new Date());
    const { record } = await this.records.create({
      id: monthlySnapshotJobId(month),
      workspaceId: null,
      type: 'snapshot',
      input: { month },
    });
    const scheduled = job as unknown as Job<QueuedJobData>;
    scheduled.data.jobId = record.id;
    return super.process(scheduled, token);
  }
}
