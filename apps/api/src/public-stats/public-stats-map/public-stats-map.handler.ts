import { IQueryHandler, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { regionMap, untagged } from '../../statistics/stats-map/region-map';
import { StatsMapResponseDto } from '../../statistics/stats-map/stats-map.response.dto';
import { GetPublicStatsQuery } from '../get-public-stats.query';
import { GetPublicStatsRequestDto } from '../get-public-stats.request.dto';
import { PublicStatsMapQuery } from './public-stats-map.query';

/**
 * GET /public/stats grouped by region, drawn: the same query (opted-in workspace, tag check,
 * suppression over the whole table), so no point shows what the table hides.
 */
@QueryHandler(PublicStatsMapQuery)
export class PublicStatsMapHandler implements IQueryHandler<PublicStatsMapQuery> {
  constructor(private readonly queryBus: QueryBus) {}

  async execute({ request }: PublicStatsMapQuery): Promise<StatsMapResponseDto> {
    const byRegion: GetPublicStatsRequestDto = { ...request, groupBy: ['region'] };
    return regionMap(untagged(await this.queryBus.execute(new GetPublicStatsQuery(byRegion))));
  }
}
