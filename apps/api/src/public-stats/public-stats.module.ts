import { Module } from '@nestjs/common';
import { WorkspacePublicityModule } from '../workspace-publicity/workspace-publicity.module';
import { GetPublicStatsHttpController } from './get-public-stats.http.controller';
import { GetSuppressedStatsHandler } from './get-suppressed-stats.handler';
import { WorkspaceVersion } from './workspace-version';

/**
 * GET /public/stats, and the suppressed statistics behind it that GET /stats also answers to
 * `public`-role tokens: GET /stats (through the QueryBus), small cells suppressed.
 */
@Module({
  imports: [WorkspacePublicityModule],
  controllers: [GetPublicStatsHttpController],
  providers: [GetSuppressedStatsHandler, WorkspaceVersion],
})
export class PublicStatsModule {}
