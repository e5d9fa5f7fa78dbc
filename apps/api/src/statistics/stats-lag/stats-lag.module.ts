import { Module } from '@nestjs/common';
import { ProjectionsModule } from '../../projections/projections.module';
import { StatsLagHandler } from './stats-lag.handler';
import { StatsLagHttpController } from './stats-lag.http.controller';

@Module({
  imports: [ProjectionsModule],
  controllers: [StatsLagHttpController],
  providers: [StatsLagHandler],
})
export class StatsLagModule {}
