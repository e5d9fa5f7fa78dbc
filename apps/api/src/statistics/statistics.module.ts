import { Module } from '@nestjs/common';
import { ReadModelsModule } from '@app/read-models';
import { ProjectionsModule } from '../projections/projections.module';
import { SnapshotsModule } from '../snapshots/snapshots.module';
import { GetStatsHandler } from './get-stats/get-stats.handler';
import { GetStatsHttpController } from './get-stats/get-stats.http.controller';

@Module({
  imports: [ProjectionsModule, SnapshotsModule, ReadModelsModule],
  controllers: [GetStatsHttpController],
  providers: [GetStatsHandler],
})
export class StatisticsModule {}
