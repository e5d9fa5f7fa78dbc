import { Module } from '@nestjs/common';
import { WorkspacePublicityModule } from '../workspace-publicity/workspace-publicity.module';
import { GetPublicStatsHttpController } from './get-public-stats.http.controller';

/** GET /public/stats: GET /stats (through the QueryBus) for opted-in workspaces, suppressed. */
@Module({
  imports: [WorkspacePublicityModule],
  controllers: [GetPublicStatsHttpController],
})
export class PublicStatsModule {}
