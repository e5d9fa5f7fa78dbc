import { Processor } from '@nestjs/bullmq';
import { QUEUE_OF } from '../../../api/src/jobs/job-context';
import { JobRunner } from '../../../api/src/jobs/job-runner';
import { ImportJob } from '../../../api/src/imports/import.job';
import { JobQueueProcessor } from './job-queue.processor';

// One import at a time per worker: each already records several incidents at once.
@Processor(QUEUE_OF.import, { concurrency: 1 })
export class ImportsProcessor extends JobQueueProcessor {
  constructor(runner: JobRunner, work: ImportJob) {
    super(runner, work);
  }
}
