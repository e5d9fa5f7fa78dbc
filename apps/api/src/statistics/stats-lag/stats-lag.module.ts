import { Module } from '@nestjs/common';
import { StatisticsQueriesModule } from '@app/read-models/statistics/statistics-queries.module';
import { StatsLagForActorHandler } from './stats-lag-for-actor.handler';
import { StatsLagHttpController } from './stats-lag.http.controller';

@Module({
  imports: [StatisticsQueriesModule],
  controllers: [StatsLagHttpController],
  providers: [StatsLagForActorHandler],
})
export class StatsLagModule {}
