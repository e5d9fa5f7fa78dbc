import { Processor } from '@nestjs/bullmq';
import { Inject } from '@nestjs/common';
import { JOB_WORK, JobWork, QUEUE_OF } from '../job-context';
import { JobRunner } from '../job-runner';
import { JobQueueProcessor } from './job-queue.processor';

// One import at a time per worker: each already records several incidents at once.
@Processor(QUEUE_OF.import, { concurrency: 1 })
export class ImportsProcessor extends JobQueueProcessor {
  constructor(runner: JobRunner, @Inject(JOB_WORK.import) work: JobWork) {
    super(runner, work);
  }
}
