import { Query } from '@nestjs/cqrs';
import { StatsMapResponseDto } from '../../statistics/stats-map/stats-map.response.dto';
import { PublicStatsMapRequestDto } from './public-stats-map.request.dto';

/** GET /public/stats/map: GET /public/stats by region, as a map. */
export class PublicStatsMapQuery extends Query<StatsMapResponseDto> {
  constructor(readonly request: PublicStatsMapRequestDto) {
    super();
  }
}
