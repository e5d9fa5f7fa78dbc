import { Controller, Get, Header, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@app/auth';
import { ApiProblems } from '../../http/openapi.decorators';
import { StatsMapResponseDto } from '../../statistics/stats-map/stats-map.response.dto';
import { PublicStatsMapQuery } from './public-stats-map.query';
import { PublicStatsMapRequestDto } from './public-stats-map.request.dto';

@ApiTags('statistics')
@Controller('public/stats')
export class PublicStatsMapHttpController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get('map')
  @Public()
  @Header('Cache-Control', 'no-store')
  @Header('Content-Type', 'application/geo+json')
  @ApiOperation({
    summary: "A workspace's figures by region as GeoJSON, without a token, small cells suppressed",
    description:
      'GET /public/stats grouped by region (its parameters but `groupBy`), drawn as GET ' +
      '/stats/map draws it: a Point per region at its administrative centre, the figure in ' +
      '`properties.value`, "<5" and "suppressed" exactly where the table has them. 404 for a ' +
      'workspace that did not opt in.',
  })
  @ApiOkResponse({ type: StatsMapResponseDto, description: 'application/geo+json' })
  @ApiProblems(400, 404)
  get(@Query() query: PublicStatsMapRequestDto): Promise<StatsMapResponseDto> {
    return this.queryBus.execute(new PublicStatsMapQuery(query));
  }
}
