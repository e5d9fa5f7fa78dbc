import { Query } from '@nestjs/cqrs';
import { Position } from '@app/event-store';
import { IncidentFilters } from './incident-filters';
import { StatsLagResponseDto } from './stats-lag.response.dto';

export class StatsLagQuery extends Query<StatsLagResponseDto> {
  constructor(
    readonly workspaceId: string,
    readonly filters: IncidentFilters,
    /** ISO time in UTC; undefined: as recorded now. */
    readonly asOf: string | undefined,
    readonly after: Position | undefined,
  ) {
    super();
  }
}
