import { Module } from '@nestjs/common';
import { StatisticsQueriesModule } from '@app/read-models/statistics/statistics-queries.module';
import { GetStatsHttpController } from './get-stats/get-stats.http.controller';
import { StatsForActorHandler } from './get-stats/stats-for-actor.handler';
import { StatsCacheModule } from './stats-cache.module';
import { StatsMapHandler } from './stats-map/stats-map.handler';
import { StatsMapHttpController } from './stats-map/stats-map.http.controller';

@Module({
  imports: [StatisticsQueriesModule, StatsCacheModule],
  controllers: [GetStatsHttpController, StatsMapHttpController],
  providers: [StatsForActorHandler, StatsMapHandler],
})
export class StatisticsModule {}
