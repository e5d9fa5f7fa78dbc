import { Module } from '@nestjs/common';
import { StatisticsQueriesModule } from '@app/read-models/statistics/statistics-queries.module';
import { GetStatsHttpController } from './get-stats/get-stats.http.controller';

@Module({
  imports: [StatisticsQueriesModule],
  controllers: [GetStatsHttpController],
})
export class StatisticsModule {}
