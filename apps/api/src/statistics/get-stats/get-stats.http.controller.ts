import { Controller, Get, Header, Query, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { Actor } from '@app/application';
import { CurrentActor, Roles, ROLES } from '@app/auth';
import { ApiProblems } from '../../http/openapi.decorators';
import { afterOf, filtersOf, IncidentFilters } from '../incident-filters.request.dto';
import { ApiProjectionLagging } from '../../projections/api-projection-lagging';
import { MatchReferenceFiguresQuery } from '@app/read-models/reference-figures/match-reference-figures.query';
import { ReferenceMatchDto } from '@app/read-models/reference-figures/reference-match.response.dto';
import { GetStatsQuery } from '@app/read-models/statistics/get-stats.query';
import { asOfOf, GetStatsRequestDto } from './get-stats.request.dto';
import { statsCsv } from './stats-csv';
import { StatsResponseDto } from '@app/read-models/statistics/stats.response.dto';

/** The parts of the HTTP exchange this controller uses; keeps it free of express types. */
interface AcceptingRequest {
  accepts(types: string[]): string | false;
}
interface HeaderSettable {
  setHeader(name: string, value: string): unknown;
}

@ApiTags('statistics')
@Controller('stats')
export class GetStatsHttpController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @Roles(...ROLES)
  @Header('Cache-Control', 'no-store')
  @Header('Vary', 'Accept')
  @ApiOperation({
    summary: 'Counts of incidents, acts, persons or organisations, grouped and filtered',
    description:
      'Grouped by one or two dimensions, as recorded now or as known at a past time or position ' +
      '(`asOf`), in a language (`lang`). Every answer states the position its figures stand at ' +
      'and when it was recorded, and its filters in words; `definitions` says what each figure ' +
      'counts. `Accept: text/csv` returns the same table as CSV: comment lines (`#`) with the ' +
      'title, position and filters, then a code and a label column per group-by, then the measure.',
  })
  @ApiExtraModels(StatsResponseDto)
  @ApiOkResponse({
    description: 'The table, as JSON or (Accept: text/csv) as CSV.',
    content: {
      'application/json': {
        schema: { $ref: getSchemaPath(StatsResponseDto) },
        example: {
          measure: 'persons',
          groupBy: ['targetCategory'],
          rows: [
            {
              keys: { targetCategory: 'civil_activist' },
              labels: { targetCategory: 'Civil activist' },
              value: 482,
            },
            {
              keys: { targetCategory: 'journalist' },
              labels: { targetCategory: 'Journalist or blogger' },
              value: 64,
            },
          ],
          total: 546,
          lang: 'en',
          title: 'Persons by target category',
          position: '00000000000000000742.00000000000000001234',
          positionTime: '2021-01-31T17:04:12.311Z',
          snapshotId: null,
          asOf: null,
          filters: ['Country: Kazakhstan'],
          definitions: {
            persons: 'Distinct persons targeted: a person targeted in several acts counts once.',
          },
        },
      },
      'text/csv': {
        schema: { type: 'string' },
        example:
          '# Acts by month\r\n' +
          '# As recorded at 2021-01-31 17:04:12 UTC (position 00000000000000000742.00000000000000001234)\r\n' +
          '# Filters: Country: Kazakhstan\r\n' +
          'month,month_label,acts\r\n2020-02,2020-02,212\r\n2020-03,2020-03,97\r\n,month unknown,14\r\n',
      },
    },
  })
  @ApiProblems(400)
  @ApiProjectionLagging()
  async get(
    @Query() query: GetStatsRequestDto,
    @CurrentActor() actor: Actor,
    @Req() request: AcceptingRequest,
    @Res({ passthrough: true }) response: HeaderSettable,
  ): Promise<StatsResponseDto | string> {
    const filters = filtersOf(query);
    const stats = await this.queryBus.execute(
      new GetStatsQuery(
        actor.workspaceId,
        query.measure,
        query.groupBy ?? [],
        filters,
        asOfOf(query.asOf),
        afterOf(query),
        query.lang,
      ),
    );
    if (request.accepts(['application/json', 'text/csv']) !== 'text/csv') {
      if (!query.includeReference) return stats;
      return { ...stats, reference: await this.referenceFigures(actor, query, filters) };
    }
    response.setHeader('Content-Type', 'text/csv; charset=utf-8');
    return statsCsv(stats);
  }

  /** Third-party figures for the same breakdown, beside our own (issue 7). */
  private referenceFigures(
    actor: Actor,
    query: GetStatsRequestDto,
    filters: IncidentFilters,
  ): Promise<ReferenceMatchDto[]> {
    return this.queryBus.execute(
      new MatchReferenceFiguresQuery(
        actor.workspaceId,
        query.measure,
        query.groupBy ?? [],
        filters,
        query.asOf,
        asOfOf(query.asOf),
      ),
    );
  }
}
