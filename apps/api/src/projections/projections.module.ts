import { Module } from '@nestjs/common';
import { ReadModelsModule } from '@app/read-models';
import { ListProjectionsHandler } from './list-projections/list-projections.handler';
import { ListProjectionsHttpController } from './list-projections/list-projections.http.controller';
import { ProjectionFreshness } from './projection-freshness';

/** Where the projections stand; ProjectionFreshness serves every query's `after=`. */
@Module({
  imports: [ReadModelsModule],
  controllers: [ListProjectionsHttpController],
  providers: [ProjectionFreshness, ListProjectionsHandler],
  exports: [ProjectionFreshness],
})
export class ProjectionsModule {}
