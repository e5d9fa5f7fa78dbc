import { Module } from '@nestjs/common';
import { StatisticsQueriesModule } from '@app/read-models/statistics/statistics-queries.module';
import { StatsLagHttpController } from './stats-lag.http.controller';

@Module({
  imports: [StatisticsQueriesModule],
  controllers: [StatsLagHttpController],
})
export class StatsLagModule {}
