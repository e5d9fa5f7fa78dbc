import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { TARGET_CATEGORIES, TargetProjections, TARGETS } from '@app/read-models';
import { ProjectionFreshness } from '@app/read-models/projection-freshness';
import { ProjectionRebuilds } from '../rebuild-projection/projection-rebuilds';
import { ListProjectionsQuery } from './list-projections.query';
import { ProjectionStatusDto } from './projection-status.response.dto';

@QueryHandler(ListProjectionsQuery)
export class ListProjectionsHandler implements IQueryHandler<ListProjectionsQuery> {
  constructor(
    private readonly freshness: ProjectionFreshness,
    private readonly rebuilds: ProjectionRebuilds,
    private readonly targets: TargetProjections,
  ) {}

  async execute(): Promise<ProjectionStatusDto[]> {
    const rebuild = this.rebuilds.status;
    return [
      { ...(await this.freshness.status()), ...(rebuild && { rebuild }) },
      await this.freshness.statusOf(TARGETS, TARGET_CATEGORIES, await this.targets.position()),
    ];
  }
}
