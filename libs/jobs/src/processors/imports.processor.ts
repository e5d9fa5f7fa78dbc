import { Processor } from '@nestjs/bullmq';
import { Inject } from '@nestjs/common';
import { JOB_WORK, JobWork, QUEUE_OF } from '../job-context';
import { JobRunner } from '../job-runner';
import { JobQueueProcessor } from './job-queue.processor';

// Its worker options (concurrency, lock) are set by JobProcessorsModule.forConfig.
@Processor(QUEUE_OF.import)
export class ImportsProcessor extends JobQueueProcessor {
  constructor(runner: JobRunner, @Inject(JOB_WORK.import) work: JobWork) {
    super(runner, work);
  }
}
