import { Module } from '@nestjs/common';
import { commandExecutorProvider } from '@app/application/command-executor.provider';
import { JOB_WORK } from '@app/jobs/job-context';
import { ImportJob } from './import.job';

/** The import job's work, for whichever process runs jobs. */
@Module({
  providers: [
    commandExecutorProvider,
    ImportJob,
    { provide: JOB_WORK.import, useExisting: ImportJob },
  ],
  exports: [JOB_WORK.import],
})
export class ImportJobModule {}
