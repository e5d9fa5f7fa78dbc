import { Module } from '@nestjs/common';
import { StatisticsQueriesModule } from '@app/read-models/statistics/statistics-queries.module';
import { WorkspaceVersion } from '../public-stats/workspace-version';
import { CachedStats } from './cached-stats';

/**
 * One cache of recent statistics answers for GET /stats and GET /public/stats (a `public`
 * token and an anonymous reader share the suppressed answers), and the workspace versions
 * the public answers are keyed by.
 */
@Module({
  imports: [StatisticsQueriesModule],
  providers: [CachedStats, WorkspaceVersion],
  exports: [CachedStats, WorkspaceVersion],
})
export class StatsCacheModule {}
