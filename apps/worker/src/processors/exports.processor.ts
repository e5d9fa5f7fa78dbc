import { Processor } from '@nestjs/bullmq';
import { QUEUE_OF } from '../../../api/src/jobs/job-context';
import { JobRunner } from '../../../api/src/jobs/job-runner';
import { ExportJob } from '../../../api/src/exports/export.job';
import { JobQueueProcessor } from './job-queue.processor';

@Processor(QUEUE_OF.export, { concurrency: 2 })
export class ExportsProcessor extends JobQueueProcessor {
  constructor(runner: JobRunner, work: ExportJob) {
    super(runner, work);
  }
}
