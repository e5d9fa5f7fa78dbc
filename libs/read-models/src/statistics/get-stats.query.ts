import { Query } from '@nestjs/cqrs';
import { Lang } from '@app/domain';
import { Position } from '@app/event-store';
import { IncidentFilters } from './incident-filters';
import { AsOf } from './as-of';
import { GroupBy, Measure } from './stats-dimensions';
import { StatsResponseDto } from './stats.response.dto';

export class GetStatsQuery extends Query<StatsResponseDto> {
  constructor(
    readonly workspaceId: string,
    readonly measure: Measure,
    readonly groupBy: readonly GroupBy[],
    readonly filters: IncidentFilters,
    readonly asOf: AsOf,
    readonly after: Position | undefined,
    /** The language of labels, title, filters and definitions. */
    readonly lang: Lang = 'en',
  ) {
    super();
  }

  /** The same question at another point of knowledge. */
  withAsOf(asOf: AsOf): GetStatsQuery {
    return new GetStatsQuery(
      this.workspaceId,
      this.measure,
      this.groupBy,
      this.filters,
      asOf,
      this.after,
      this.lang,
    );
  }
}
