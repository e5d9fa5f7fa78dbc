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
import {
  BELOW_THRESHOLD,
  SUPPRESSED,
  suppressSmallCells,
  THRESHOLD,
} from './small-cell-suppression';

@ApiTags('statistics')
@Controller('public/stats')
export class GetPublicStatsHttpController {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly publicity: WorkspacePublicity,
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
      'two asOf times) is not prevented, so publish figures from one query per table.',
  })
  @ApiOkResponse({ type: PublicStatsResponseDto })
  @ApiProblems(400, 404)
  async get(@Query() query: GetPublicStatsRequestDto): Promise<PublicStatsResponseDto> {
    const workspaceId = query.workspace.toLowerCase();
    if (!(await this.publicity.isPublic(workspaceId))) {
      throw new DomainError('not_found', 'workspace_not_found', 'no such public workspace');
    }
    const groupBy = query.groupBy ?? [];
    const stats = await this.queryBus.execute(
      new GetStatsQuery(
        workspaceId,
        query.measure,
        groupBy,
        filtersOf(query),
        asOfOf(query.asOf),
        afterOf(query),
      ),
    );
    // Each row is its own key, so its labels travel with it.
    const protectedTable = suppressSmallCells(
      { rows: stats.rows.map((row) => ({ keys: row, value: row.value })), total: stats.total },
      groupBy.map((g) => (row: (typeof stats.rows)[number]) => row.keys[g]),
    );
    return {
      measure: stats.measure,
      groupBy: stats.groupBy,
      rows: protectedTable.rows.map((r) => ({
        keys: r.keys.keys,
        labels: r.keys.labels,
        value: r.value,
      })),
      total: protectedTable.total,
      position: stats.position,
      asOf: stats.asOf,
      definitions: stats.definitions,
    };
  }
}
