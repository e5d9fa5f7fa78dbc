import { Module } from '@nestjs/common';
import { JOB_WORK } from '@app/jobs/job-context';
import { StatisticsQueriesModule } from '@app/read-models/statistics/statistics-queries.module';
import { commandExecutorProvider } from '../command-executor.provider';
import { MonthlySnapshotJob } from './monthly-snapshot.job';
import { PinSnapshotHandler } from './pin-snapshot.handler';

/** PinSnapshot, for POST /snapshots and for the monthly draft snapshot job. */
@Module({
  imports: [StatisticsQueriesModule],
  providers: [
    commandExecutorProvider,
    PinSnapshotHandler,
    MonthlySnapshotJob,
    { provide: JOB_WORK.snapshot, useExisting: MonthlySnapshotJob },
  ],
  exports: [JOB_WORK.snapshot],
})
export class SnapshotCommandsModule {}
