import { Controller, Get, Header, Query, Req, Res, StreamableFile } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { Actor } from '@app/application';
import { CurrentActor, Roles, ROLES } from '@app/auth';
import { Lang } from '@app/domain';
import { exportWorkbook } from '@app/exports/export-workbook';
import { ApiProblems } from '../../http/openapi.decorators';
import { ApiProjectionLagging } from '../../projections/api-projection-lagging';
import { ReferenceMatchDto } from '@app/read-models/reference-figures/reference-match.response.dto';
import { PublicStatsResponseDto } from '../../public-stats/public-stats.response.dto';
import { GetStatsRequestDto } from './get-stats.request.dto';
import { statsCsv } from './stats-csv';
import { StatsForActorQuery } from './stats-for-actor.query';
import {
  conditionalAnswer,
  ConditionalRequest,
  ConditionalResponse,
  ifNoneMatchOf,
  PRIVATE_ANSWER,
  NOT_MODIFIED,
} from '../conditional-answer';
import { StatsResponseDto } from '@app/read-models/statistics/stats.response.dto';

/** The parts of the HTTP exchange this controller uses; keeps it free of express types. */
interface AcceptingRequest extends ConditionalRequest {
  accepts(types: string[]): string | false;
}
/** The spreadsheet's media type: what a download asks for to get an XLSX of the table. */
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@ApiTags('statistics')
@Controller('stats')
export class GetStatsHttpController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @Roles(...ROLES)
  @Header('Vary', 'Accept, Authorization, Cookie')
  @ApiOperation({
    summary: 'Counts of incidents, acts, persons or organisations, grouped and filtered',
    description:
      'Grouped by one or two dimensions, as recorded now or as known at a past time or position ' +
      '(`asOf`), in a language (`lang`). Every answer states the position its figures stand at ' +
      'and when it was recorded, and its filters in words; `definitions` says what each figure ' +
      'counts. `Accept: text/csv` returns the same table as CSV: comment lines (`#`) with the ' +
      'title, position and filters, then a code and a label column per group-by, then the measure. ' +
      `\`Accept: ${XLSX}\` returns the same rows as a workbook: a sheet headed by the title, ` +
      'position and filters with a label column per group-by and the measure (and the total), a ' +
      'definitions sheet, and the reference figures when `includeReference=true`; all in `lang`. ' +
      'A `public`-role token gets exactly what GET /public/stats answers (JSON): small cells suppressed, the workspace version as `position`. ' +
      'Answers carry an `ETag` (of the read model position, or the workspace version for a `public` token, and the ' +
      'question, format and role) and `Cache-Control: private, no-cache`; `If-None-Match` with the current ETag gets `304` ' +
      'without a body. Recent answers are kept in memory, so asking again costs no query until the records change.',
  })
  @ApiExtraModels(StatsResponseDto)
  @ApiOkResponse({
    description: 'The table, as JSON, as CSV (Accept: text/csv) or as XLSX (Accept: ' + XLSX + ').',
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
      [XLSX]: { schema: { type: 'string', format: 'binary' } },
    },
  })
  @ApiResponse(NOT_MODIFIED)
  @ApiProblems(400)
  @ApiProjectionLagging()
  async get(
    @Query() query: GetStatsRequestDto,
    @CurrentActor() actor: Actor,
    @Req() request: AcceptingRequest,
    @Res({ passthrough: true }) response: ConditionalResponse,
  ): Promise<StatsResponseDto | PublicStatsResponseDto | string | StreamableFile | undefined> {
    const format = request.accepts(['application/json', 'text/csv', XLSX]);
    const asked = format === 'text/csv' ? 'csv' : format === XLSX ? 'xlsx' : 'json';
    const answer = conditionalAnswer(
      response,
      await this.queryBus.execute(
        new StatsForActorQuery(actor, query, asked, ifNoneMatchOf(request)),
      ),
      PRIVATE_ANSWER,
    );
    if (answer === undefined) return undefined;
    if (answer.format === 'json') return answer.body;
    if (answer.format === 'xlsx') return this.workbook(answer.stats, answer.reference);
    response.setHeader('Content-Type', 'text/csv; charset=utf-8');
    return statsCsv(answer.stats);
  }

  /** The answer as the export's workbook of one query (libs/exports): same rows, same words. */
  private async workbook(
    stats: StatsResponseDto,
    references: ReferenceMatchDto[] | undefined,
  ): Promise<StreamableFile> {
    const content = await exportWorkbook([{ stats, references }], stats.lang as Lang);
    return new StreamableFile(content, {
      type: XLSX,
      disposition: 'attachment; filename="statistics.xlsx"',
      length: content.length,
    });
  }
}
