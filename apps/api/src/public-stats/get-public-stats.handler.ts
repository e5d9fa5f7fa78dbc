import { IQueryHandler, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { DomainError } from '@app/domain';
import { GetStatsQuery } from '@app/read-models/statistics/get-stats.query';
import { asOfOf } from '../statistics/get-stats/get-stats.request.dto';
import { afterOf, filtersOf } from '../statistics/incident-filters.request.dto';
import { WorkspacePublicity } from '../workspace-publicity/workspace-publicity';
import { WorkspaceTags } from '../workspace-tags/workspace-tags';
import { GetPublicStatsQuery } from './get-public-stats.query';
import { GetSuppressedStatsQuery } from './get-suppressed-stats.query';
import { PublicStatsResponseDto } from './public-stats.response.dto';
import { Tagged } from '../statistics/cached-stats';

@QueryHandler(GetPublicStatsQuery)
export class GetPublicStatsHandler implements IQueryHandler<GetPublicStatsQuery> {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly publicity: WorkspacePublicity,
    private readonly tags: WorkspaceTags,
  ) {}

  async execute({
    request: query,
    ifNoneMatch,
  }: GetPublicStatsQuery): Promise<Tagged<PublicStatsResponseDto>> {
    const workspaceId = query.workspace.toLowerCase();
    if (!(await this.publicity.isPublic(workspaceId))) {
      throw new DomainError('not_found', 'workspace_not_found', 'no such public workspace');
    }
    await this.tags.checkFilter('anonymous', workspaceId, query.tag);
    return this.queryBus.execute(
      new GetSuppressedStatsQuery(
        new GetStatsQuery(
          workspaceId,
          query.measure,
          query.groupBy ?? [],
          filtersOf(query),
          asOfOf(query.asOf),
          afterOf(query),
          query.lang,
        ),
        ifNoneMatch,
      ),
    );
  }
}
