import { Controller, Get, Header, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@app/auth';
import { DomainError } from '@app/domain';
import { ApiProblems } from '../http/openapi.decorators';
import { GetStatsQuery } from '@app/read-models/statistics/get-stats.query';
import { asOfOf } from '../statistics/get-stats/get-stats.request.dto';
import { afterOf, filtersOf } from '../statistics/incident-filters.request.dto';
import { WorkspacePublicity } from '../workspace-publicity/workspace-publicity';
import { GetPublicStatsRequestDto } from './get-public-stats.request.dto';
import { PublicStatsResponseDto } from './public-stats.response.dto';
import { GetSuppressedStatsQuery } from './get-suppressed-stats.query';
import { BELOW_THRESHOLD, SUPPRESSED, THRESHOLD } from './small-cell-suppression';
import { WorkspaceTags } from '../workspace-tags/workspace-tags';

@ApiTags('statistics')
@Controller('public/stats')
export class GetPublicStatsHttpController {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly publicity: WorkspacePublicity,
    private readonly tags: WorkspaceTags,
  ) {}

  @Get()
  @Public()
  @Header('Cache-Control', 'no-store')
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
      'past it is refused (400); `after` past the end of the log reads as the end of the log.',
  })
  @ApiOkResponse({ type: PublicStatsResponseDto })
  @ApiProblems(400, 404)
  async get(@Query() query: GetPublicStatsRequestDto): Promise<PublicStatsResponseDto> {
    const workspaceId = query.workspace.toLowerCase();
    if (!(await this.publicity.isPublic(workspaceId))) {
      throw new DomainError('not_found', 'workspace_not_found', 'no such public workspace');
    }
    await this.tags.checkFilter('anonymous', workspaceId, query.tag);
    return this.queryBus.execute(
      new GetSuppressedStatsQuery(
        new GetStatsQuery(
          workspaceId,
          query.measure,
          query.groupBy ?? [],
          filtersOf(query),
          asOfOf(query.asOf),
          afterOf(query),
        ),
      ),
    );
  }
}
