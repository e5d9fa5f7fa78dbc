import { IQueryHandler, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { GetStatsRequestDto } from '../get-stats/get-stats.request.dto';
import { StatsForActorQuery } from '../get-stats/stats-for-actor.query';
import { regionMap, untagged } from './region-map';
import { StatsMapQuery } from './stats-map.query';
import { StatsMapResponseDto } from './stats-map.response.dto';

/**
 * GET /stats grouped by region, drawn: the same query (tag check, filters, asOf, a `public`
 * token's suppressed figures), so the map's counts are the table's.
 */
@QueryHandler(StatsMapQuery)
export class StatsMapHandler implements IQueryHandler<StatsMapQuery> {
  constructor(private readonly queryBus: QueryBus) {}

  async execute({ actor, request }: StatsMapQuery): Promise<StatsMapResponseDto> {
    const byRegion: GetStatsRequestDto = { ...request, groupBy: ['region'] };
    const answer = untagged(
      await this.queryBus.execute(new StatsForActorQuery(actor, byRegion, 'json')),
    );
    if (answer.format !== 'json') throw new Error('GET /stats answered a table, not JSON');
    return regionMap(answer.body);
  }
}
