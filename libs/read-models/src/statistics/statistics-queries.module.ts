import { Module } from '@nestjs/common';
import { MergedPersons } from '../incidents/merged-persons';
import { ProjectionFreshness } from '../projection-freshness';
import { ReadModelsModule } from '../read-models.module';
import { SnapshotPositions } from '../snapshots/snapshot-positions';
import { MatchReferenceFiguresHandler } from '../reference-figures/match-reference-figures.handler';
import { GetStatsHandler } from './get-stats.handler';
import { StatsLagHandler } from './stats-lag.handler';

/**
 * The statistics queries over the fact table, for the API's controllers and the export job
 * alike. Their handlers are provided here only: a query bus takes one handler per query.
 */
@Module({
  imports: [ReadModelsModule],
  providers: [
    ProjectionFreshness,
    SnapshotPositions,
    MergedPersons,
    GetStatsHandler,
    StatsLagHandler,
    MatchReferenceFiguresHandler,
  ],
  exports: [ReadModelsModule, ProjectionFreshness, SnapshotPositions, MergedPersons],
})
export class StatisticsQueriesModule {}
