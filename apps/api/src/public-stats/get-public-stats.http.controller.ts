import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '@app/auth';
import { ApiProblems } from '../http/openapi.decorators';
import { GetPublicStatsQuery } from './get-public-stats.query';
import { GetPublicStatsRequestDto } from './get-public-stats.request.dto';
import { PublicStatsResponseDto } from './public-stats.response.dto';
import { BELOW_THRESHOLD, SUPPRESSED, THRESHOLD } from './small-cell-suppression';
import {
  conditionalAnswer,
  ConditionalRequest,
  ConditionalResponse,
  ifNoneMatchOf,
  PUBLIC_ANSWER,
  PUBLIC_MAX_AGE_SECONDS,
  NOT_MODIFIED,
} from '../statistics/conditional-answer';

@ApiTags('statistics')
@Controller('public/stats')
export class GetPublicStatsHttpController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @Public()
  @ApiOperation({
    summary: "A workspace's aggregates, without a token, small cells suppressed",
    description:
      'For workspaces that opted in (PUT /workspaces/{id}/public); 404 otherwise, as for an ' +
      'unknown workspace. The same parameters and figures as GET /stats, except: every count ' +
      `from 1 to ${THRESHOLD - 1}, the total included, reads "${BELOW_THRESHOLD}"; so that no ` +
      'total reveals one, other cells of its row, column or table read "' +
      `${SUPPRESSED}" (5 or more). A total of 0 reads "${BELOW_THRESHOLD}" too, and a table ` +
      'whose total is below 5 lists no rows, so that a filter (a tag may be a name) cannot ' +
      'tell whether anyone is recorded under it. ' +
      'Each answer is protected on its own: comparing separate queries (overlapping periods, ' +
      'two asOf times) is not prevented, so publish figures from one query per table. ' +
      "`position` is this workspace's version (the position of its last change the figures " +
      "include), not the global position: other workspaces' writes do not move it. `asOf` " +
      'past it is refused (400); `after` past the end of the log reads as the end of the log. ' +
      `Answers may be reused for ${PUBLIC_MAX_AGE_SECONDS} s (\`Cache-Control: ${PUBLIC_ANSWER}\`) and carry an ` +
      '`ETag` of the workspace version and the question: `If-None-Match` with the current one gets `304` without a ' +
      'body. Identical questions asked together are answered by one query, and kept in memory until the workspace records.',
  })
  @ApiOkResponse({ type: PublicStatsResponseDto })
  @ApiResponse(NOT_MODIFIED)
  @ApiProblems(400, 404)
  async get(
    @Query() query: GetPublicStatsRequestDto,
    @Req() request: ConditionalRequest,
    @Res({ passthrough: true }) response: ConditionalResponse,
  ): Promise<PublicStatsResponseDto | undefined> {
    return conditionalAnswer(
      response,
      await this.queryBus.execute(new GetPublicStatsQuery(query, ifNoneMatchOf(request))),
      PUBLIC_ANSWER,
    );
  }
}
