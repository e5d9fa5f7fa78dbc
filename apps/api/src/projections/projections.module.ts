import { Module } from '@nestjs/common';
import { ListProjectionsHandler } from './list-projections/list-projections.handler';
import { ListProjectionsHttpController } from './list-projections/list-projections.http.controller';
import { ProjectionRebuilds } from './rebuild-projection/projection-rebuilds';
import { StatisticsQueriesModule } from '@app/read-models/statistics/statistics-queries.module';
import { RebuildProjectionHandler } from './rebuild-projection/rebuild-projection.handler';
import { RebuildProjectionHttpController } from './rebuild-projection/rebuild-projection.http.controller';

/** Where the projections stand; ProjectionFreshness serves every query's `after=`. */
@Module({
  imports: [StatisticsQueriesModule],
  controllers: [ListProjectionsHttpController, RebuildProjectionHttpController],
  providers: [ProjectionRebuilds, ListProjectionsHandler, RebuildProjectionHandler],
  exports: [StatisticsQueriesModule],
})
export class ProjectionsModule {}
