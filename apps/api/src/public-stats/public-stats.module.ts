import { Module } from '@nestjs/common';
import { WorkspacePublicityModule } from '../workspace-publicity/workspace-publicity.module';
import { GetPublicStatsHandler } from './get-public-stats.handler';
import { GetPublicStatsHttpController } from './get-public-stats.http.controller';
import { GetSuppressedStatsHandler } from './get-suppressed-stats.handler';
import { PublicStatsMapHandler } from './public-stats-map/public-stats-map.handler';
import { PublicStatsMapHttpController } from './public-stats-map/public-stats-map.http.controller';
import { StatsCacheModule } from '../statistics/stats-cache.module';

/**
 * GET /public/stats, and the suppressed statistics behind it that GET /stats also answers to
 * `public`-role tokens: GET /stats (through the QueryBus), small cells suppressed.
 */
@Module({
  imports: [WorkspacePublicityModule, StatsCacheModule],
  controllers: [GetPublicStatsHttpController, PublicStatsMapHttpController],
  providers: [GetPublicStatsHandler, GetSuppressedStatsHandler, PublicStatsMapHandler],
})
export class PublicStatsModule {}
