import { Module } from '@nestjs/common';
import { commandExecutorProvider } from '@app/application/command-executor.provider';
import { StatisticsQueriesModule } from '@app/read-models/statistics/statistics-queries.module';
import { CaseExportReader } from './case-export-reader';
import { CaseExportJob } from './case-export.job';

/** The case-level export's reader, for the streaming GET and for the job. */
@Module({
  imports: [StatisticsQueriesModule],
  providers: [commandExecutorProvider, CaseExportReader, CaseExportJob],
  exports: [CaseExportReader, CaseExportJob],
})
export class CaseExportModule {}
