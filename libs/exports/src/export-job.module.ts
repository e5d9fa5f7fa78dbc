import { Module } from '@nestjs/common';
import { JOB_WORK } from '@app/jobs/job-context';
import { StatisticsQueriesModule } from '@app/read-models/statistics/statistics-queries.module';
import { CaseExportModule } from './cases/case-export.module';
import { ExportJob } from './export.job';

/** The export job's work; it asks the statistics queries through the query bus. */
@Module({
  imports: [StatisticsQueriesModule, CaseExportModule],
  providers: [ExportJob, { provide: JOB_WORK.export, useExisting: ExportJob }],
  exports: [JOB_WORK.export],
})
export class ExportJobModule {}
