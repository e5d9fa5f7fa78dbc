import { Module } from '@nestjs/common';
import { ReadModelsModule } from '@app/read-models';
import { ListProjectionsHandler } from './list-projections/list-projections.handler';
import { ListProjectionsHttpController } from './list-projections/list-projections.http.controller';
import { ProjectionFreshness } from './projection-freshness';
import { ProjectionRebuilds } from './rebuild-projection/projection-rebuilds';
import { RebuildProjectionHttpController } from './rebuild-projection/rebuild-projection.http.controller';

/** Where the projections stand; ProjectionFreshness serves every query's `after=`. */
@Module({
  imports: [ReadModelsModule],
  controllers: [ListProjectionsHttpController, RebuildProjectionHttpController],
  providers: [ProjectionFreshness, ProjectionRebuilds, ListProjectionsHandler],
  exports: [ProjectionFreshness],
})
export class ProjectionsModule {}
