import { Query } from '@nestjs/cqrs';
import { IncidentFilters } from '../../statistics/incident-filters.request.dto';
import { GroupBy, Measure } from '@app/read-models/statistics/stats-dimensions';
import { ReferenceMatchDto } from '@app/read-models/reference-figures/reference-match.response.dto';

/**
 * The reference figures that answer the same question as a GET /stats request, each beside
 * our own figure for its row and its period. `asOf` (as the request gave it) leaves out
 * figures recorded after that point and counts ours as known then.
 */
export class MatchReferenceFiguresQuery extends Query<ReferenceMatchDto[]> {
  constructor(
    readonly workspaceId: string,
    readonly measure: Measure,
    readonly groupBy: readonly GroupBy[],
    readonly filters: IncidentFilters,
    readonly asOf: string | undefined,
  ) {
    super();
  }
}
