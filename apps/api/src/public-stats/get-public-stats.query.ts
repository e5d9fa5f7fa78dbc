import { Query } from '@nestjs/cqrs';
import { GetPublicStatsRequestDto } from './get-public-stats.request.dto';
import { Tagged } from '../statistics/cached-stats';
import { PublicStatsResponseDto } from './public-stats.response.dto';

/**
 * GET /public/stats as asked. The handler reads the filters only once the workspace is known
 * to publish: until then every answer is the 404 of an unknown workspace.
 */
export class GetPublicStatsQuery extends Query<Tagged<PublicStatsResponseDto>> {
  constructor(
    readonly request: GetPublicStatsRequestDto,
    /** The request's `If-None-Match`. */
    readonly ifNoneMatch?: string,
  ) {
    super();
  }
}
