import { Query } from '@nestjs/cqrs';
import { GetStatsQuery } from '@app/read-models/statistics/get-stats.query';
import { Tagged } from '../statistics/cached-stats';
import { PublicStatsResponseDto } from './public-stats.response.dto';

/**
 * GET /stats as callers without names get it: anonymous callers of /public/stats and tokens
 * of the `public` role. One rule for both, so that a token cannot see more than the page.
 */
export class GetSuppressedStatsQuery extends Query<Tagged<PublicStatsResponseDto>> {
  constructor(
    readonly stats: GetStatsQuery,
    /** The request's `If-None-Match`. */
    readonly ifNoneMatch?: string,
  ) {
    super();
  }
}
