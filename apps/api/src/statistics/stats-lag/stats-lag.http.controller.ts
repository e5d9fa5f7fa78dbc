import { Controller, Get, Header, Query, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Actor } from '@app/application';
import { CurrentActor, Roles, ROLES } from '@app/auth';
import { ApiProjectionLagging } from '../../projections/api-projection-lagging';
import { ApiProblems } from '../../http/openapi.decorators';
import { revisionTriangleCsv } from '@app/read-models/statistics/revision-triangle';
import { StatsLagForActorQuery } from './stats-lag-for-actor.query';
import { StatsLagRequestDto } from './stats-lag.request.dto';
import { StatsLagResponseDto } from '@app/read-models/statistics/stats-lag.response.dto';

/** The parts of the HTTP exchange this controller uses; keeps it free of express types. */
interface AcceptingRequest {
  accepts(types: string[]): string | false;
}
interface HeaderSettable {
  setHeader(name: string, value: string): unknown;
}

@ApiTags('statistics')
@Controller('stats')
export class StatsLagHttpController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get('lag')
  @Roles(...ROLES)
  @Header('Cache-Control', 'no-store')
  @Header('Vary', 'Accept')
  @ApiOperation({
    summary: 'The revision triangle: how late the acts of each month became known',
    description:
      'For each occurrence month, the acts counted now (or at `asOf`) by how many months after that month they were first recorded, so that a report can say "+12 March cases learned in April". Takes the filters of GET /stats (`from`/`to` are occurrence months). `Accept: text/csv` returns the same table as CSV: `month,total,lag_0,lag_1,…`.',
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({
    type: StatsLagResponseDto,
    content: {
      'application/json': {
        example: {
          rows: [
            { month: '2021-02', total: 25, byLag: { '0': 20, '1': 4, '2': 1 } },
            { month: '2021-03', total: 42, byLag: { '0': 30, '1': 12, '2': 0 } },
          ],
          asOf: null,
          definitions: {
            reading:
              'Row 2021-03 with byLag["1"] = 12 means that twelve acts of March 2021 were first recorded in April 2021.',
          },
        },
      },
      'text/csv': {
        example: 'month,total,lag_0,lag_1,lag_2\r\n2021-02,25,20,4,1\r\n2021-03,42,30,12,0\r\n',
      },
    },
  })
  @ApiProblems(400)
  @ApiProjectionLagging()
  async get(
    @Query() query: StatsLagRequestDto,
    @CurrentActor() actor: Actor,
    @Req() request: AcceptingRequest,
    @Res({ passthrough: true }) response: HeaderSettable,
  ): Promise<StatsLagResponseDto | string> {
    const triangle = await this.queryBus.execute(new StatsLagForActorQuery(actor, query));
    if (request.accepts(['application/json', 'text/csv']) !== 'text/csv') return triangle;
    response.setHeader('Content-Type', 'text/csv; charset=utf-8');
    return revisionTriangleCsv(triangle.rows);
  }
}
