import { IQueryHandler, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { Actor } from '@app/application';
import { MatchReferenceFiguresQuery } from '@app/read-models/reference-figures/match-reference-figures.query';
import { ReferenceMatchDto } from '@app/read-models/reference-figures/reference-match.response.dto';
import { GetStatsQuery } from '@app/read-models/statistics/get-stats.query';
import { StatsResponseDto } from '@app/read-models/statistics/stats.response.dto';
import { GetSuppressedStatsQuery } from '../../public-stats/get-suppressed-stats.query';
import { WorkspaceTags } from '../../workspace-tags/workspace-tags';
import { afterOf, filtersOf, IncidentFilters } from '../incident-filters.request.dto';
import { asOfOf, GetStatsRequestDto } from './get-stats.request.dto';
import { StatsAnswer, StatsForActorQuery } from './stats-for-actor.query';
import { CachedStats, Tagged } from '../cached-stats';

@QueryHandler(StatsForActorQuery)
export class StatsForActorHandler implements IQueryHandler<StatsForActorQuery> {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly tags: WorkspaceTags,
    private readonly cached: CachedStats,
  ) {}

  async execute({
    actor,
    request: query,
    format,
    ifNoneMatch,
  }: StatsForActorQuery): Promise<Tagged<StatsAnswer>> {
    await this.tags.checkFilter(actor.role, actor.workspaceId, query.tag);
    const filters = filtersOf(query);
    const statsQuery = new GetStatsQuery(
      actor.workspaceId,
      query.measure,
      query.groupBy ?? [],
      filters,
      asOfOf(query.asOf),
      afterOf(query),
      query.lang,
    );
    // A `public` token sees what the public page shows, never more (docs/protection.md).
    if (actor.role === 'public') {
      const suppressed = await this.queryBus.execute(
        new GetSuppressedStatsQuery(statsQuery, ifNoneMatch),
      );
      if (suppressed.notModified) return suppressed;
      return { ...suppressed, value: { format: 'json', body: suppressed.value } };
    }
    // Reference figures are read from the log, not from the read model the cache is keyed by
    // (the CSV has no room for them).
    if (query.includeReference && format !== 'csv') {
      const stats = await this.queryBus.execute(statsQuery);
      const reference = await this.referenceFigures(actor, query, filters);
      return { notModified: false, etag: undefined, value: answerOf(format, stats, reference) };
    }
    return this.cached.full(
      actor.role,
      statsQuery,
      format,
      ifNoneMatch,
      async () => answerOf(format, await this.queryBus.execute(statsQuery), undefined),
      (answer) => (answer.format === 'json' ? answer.body : answer.stats).position,
    );
  }

  /** Third-party figures for the same breakdown, beside our own (issue 7). */
  private referenceFigures(
    actor: Actor,
    query: GetStatsRequestDto,
    filters: IncidentFilters,
  ): Promise<ReferenceMatchDto[]> {
    return this.queryBus.execute(
      new MatchReferenceFiguresQuery(
        actor.workspaceId,
        query.measure,
        query.groupBy ?? [],
        filters,
        query.asOf,
        asOfOf(query.asOf),
      ),
    );
  }
}

function answerOf(
  format: StatsForActorQuery['format'],
  stats: StatsResponseDto,
  reference: ReferenceMatchDto[] | undefined,
): StatsAnswer {
  if (format === 'csv') return { format, stats };
  if (format === 'xlsx') return { format, stats, reference };
  return { format, body: reference === undefined ? stats : { ...stats, reference } };
}
