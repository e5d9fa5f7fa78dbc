import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ProjectionFreshness } from '../projection-freshness';
import { ListProjectionsQuery } from './list-projections.query';
import { ProjectionStatusDto } from './projection-status.response.dto';

@QueryHandler(ListProjectionsQuery)
export class ListProjectionsHandler implements IQueryHandler<ListProjectionsQuery> {
  constructor(private readonly freshness: ProjectionFreshness) {}

  async execute(): Promise<ProjectionStatusDto[]> {
    return [await this.freshness.status()];
  }
}
