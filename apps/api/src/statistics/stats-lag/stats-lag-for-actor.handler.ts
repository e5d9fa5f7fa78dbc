import { IQueryHandler, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { StatsLagQuery } from '@app/read-models/statistics/stats-lag.query';
import { StatsLagResponseDto } from '@app/read-models/statistics/stats-lag.response.dto';
import { WorkspaceTags } from '../../workspace-tags/workspace-tags';
import { afterOf, filtersOf } from '../incident-filters.request.dto';
import { StatsLagForActorQuery } from './stats-lag-for-actor.query';

@QueryHandler(StatsLagForActorQuery)
export class StatsLagForActorHandler implements IQueryHandler<StatsLagForActorQuery> {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly tags: WorkspaceTags,
  ) {}

  async execute({ actor, request }: StatsLagForActorQuery): Promise<StatsLagResponseDto> {
    await this.tags.checkFilter(actor.role, actor.workspaceId, request.tag);
    return this.queryBus.execute(
      new StatsLagQuery(
        actor.workspaceId,
        filtersOf(request),
        request.asOf === undefined ? undefined : new Date(request.asOf).toISOString(),
        afterOf(request),
      ),
    );
  }
}
