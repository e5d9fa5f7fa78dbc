import { Query } from '@nestjs/cqrs';
import { GetStatsQuery } from '@app/read-models/statistics/get-stats.query';
import { PublicStatsResponseDto } from './public-stats.response.dto';

/**
 * GET /stats as callers without names get it: anonymous callers of /public/stats and tokens
 * of the `public` role. One rule for both, so that a token cannot see more than the page.
 */
export class GetSuppressedStatsQuery extends Query<PublicStatsResponseDto> {
  constructor(readonly stats: GetStatsQuery) {
    super();
  }
}
