import { Controller, Get, Header, Query, Req, Res, StreamableFile } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor } from '@app/application';
import { CurrentActor, Roles } from '@app/auth';
import { ApiProblems } from '../../http/openapi.decorators';
import { ApiProjectionLagging } from '../../projections/api-projection-lagging';
import { XLSX } from '../../statistics/get-stats/get-stats.http.controller';
import { READER_ROLES } from '../../targets/redaction';
import { ExportIncidentsQuery } from './export-incidents.query';
import { CASE_MEDIA_TYPES } from '@app/exports/cases/case-export-writers';
import { CaseFormat } from '@app/exports/cases/case-rows';
import { ExportIncidentsRequestDto } from './export-incidents.request.dto';

const JSON_LINES = 'application/x-ndjson';

/** The parts of the HTTP exchange this controller uses; keeps it free of express types. */
interface AcceptingRequest {
  accepts(types: string[]): string | false;
}
interface HeaderSettable {
  setHeader(name: string, value: string): unknown;
}

@ApiTags('incidents')
@Controller('incidents')
export class ExportIncidentsHttpController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get('export')
  @Roles(...READER_ROLES)
  @Header('Cache-Control', 'no-store')
  @Header('Vary', 'Accept')
  @ApiOperation({
    summary: 'Case-level data: one row per act, with the filters and asOf of GET /stats',
    description:
      'The acts GET /stats?measure=acts counts for the same filters and `asOf`, one row each: ' +
      'stable ids, the date and its precision, codes with their labels in `lang`, sources of ' +
      'threat, rights, legal articles, outcomes, verification status and the sources of ' +
      'information. CSV (with `#` lines stating the title, position and filters), XLSX or JSON ' +
      'Lines, by `format` or the Accept header; `profile=acled` names the columns as ACLED ' +
      'does where a field maps (docs/case-export.md). The rows are streamed as they are read. ' +
      'Analysts get no names and no free text: titles made of codes, pseudonymous target ' +
      'labels. `X-Position` and `X-Position-Time` say where the rows stand.',
  })
  @ApiHeader({ name: 'X-Position', required: false, description: 'Position the rows stand at' })
  @ApiOkResponse({
    description: 'The acts as CSV, XLSX or JSON Lines.',
    content: {
      'text/csv': {
        schema: { type: 'string' },
        example:
          '# Acts\r\n# As recorded at 2021-01-31 17:04:12 UTC (position 00000000000000000742)\r\n' +
          '# Filters: none\r\nincident_ref,act_id,date,precision,...\r\n',
      },
      [XLSX]: { schema: { type: 'string', format: 'binary' } },
      [JSON_LINES]: { schema: { type: 'string' } },
    },
  })
  @ApiProblems(400)
  @ApiProjectionLagging()
  async export(
    @Query() query: ExportIncidentsRequestDto,
    @CurrentActor() actor: Actor,
    @Req() request: AcceptingRequest,
    @Res({ passthrough: true }) response: HeaderSettable,
  ): Promise<StreamableFile> {
    const format = query.format ?? formatAccepted(request);
    const file = await this.queryBus.execute(new ExportIncidentsQuery(actor, query, format));
    response.setHeader('X-Position', file.position);
    if (file.positionTime !== null) response.setHeader('X-Position-Time', file.positionTime);
    return new StreamableFile(file.content, {
      type: CASE_MEDIA_TYPES[format],
      disposition: `attachment; filename="${file.filename}"`,
    });
  }
}

function formatAccepted(request: AcceptingRequest): CaseFormat {
  const accepted = request.accepts(['text/csv', XLSX, JSON_LINES, 'application/jsonl']);
  return accepted === XLSX
    ? 'xlsx'
    : accepted === JSON_LINES || accepted === 'application/jsonl'
      ? 'jsonl'
      : 'csv';
}
