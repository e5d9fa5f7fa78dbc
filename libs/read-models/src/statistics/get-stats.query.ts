import { Query } from '@nestjs/cqrs';
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
  ) {
    super();
  }
}
