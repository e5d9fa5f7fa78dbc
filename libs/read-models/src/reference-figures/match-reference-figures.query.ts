import { Query } from '@nestjs/cqrs';
import { AsOf } from '../statistics/as-of';
import { IncidentFilters } from '../statistics/incident-filters';
import { GroupBy, Measure } from '../statistics/stats-dimensions';
import { ReferenceMatchDto } from './reference-match.response.dto';

/**
 * The reference figures that answer the same question as a GET /stats request, each beside
 * our own figure for its row and its period. `asOf` (as the request gave it) leaves out
 * figures recorded after that point; ours are counted as known at `at` (the same, parsed).
 */
export class MatchReferenceFiguresQuery extends Query<ReferenceMatchDto[]> {
  constructor(
    readonly workspaceId: string,
    readonly measure: Measure,
    readonly groupBy: readonly GroupBy[],
    readonly filters: IncidentFilters,
    readonly asOf: string | undefined,
    readonly at: AsOf,
  ) {
    super();
  }
}
