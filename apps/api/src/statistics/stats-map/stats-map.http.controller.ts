import { Controller, Get, Header, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor } from '@app/application';
import { CurrentActor, Roles, ROLES } from '@app/auth';
import { ApiProblems } from '../../http/openapi.decorators';
import { ApiProjectionLagging } from '../../projections/api-projection-lagging';
import { StatsMapQuery } from './stats-map.query';
import { StatsMapRequestDto } from './stats-map.request.dto';
import { StatsMapResponseDto } from './stats-map.response.dto';

@ApiTags('statistics')
@Controller('stats')
export class StatsMapHttpController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get('map')
  @Roles(...ROLES)
  @Header('Cache-Control', 'no-store')
  @Header('Content-Type', 'application/geo+json')
  @ApiOperation({
    summary: 'GET /stats by region, as GeoJSON: a point per region with its count',
    description:
      'The same parameters as GET /stats but `groupBy` (always the region): a FeatureCollection ' +
      "with a Point feature per region that has a count, at the region's administrative centre " +
      '(GeoNames, CC BY 4.0; docs/geography.md), its figure in `properties.value`. Incidents ' +
      'without a region are counted in `withoutRegion`, beside the map. A `public`-role token ' +
      'gets the figures of GET /public/stats: "<5" and "suppressed" cells.',
  })
  @ApiOkResponse({ type: StatsMapResponseDto, description: 'application/geo+json' })
  @ApiProblems(400)
  @ApiProjectionLagging()
  get(
    @Query() query: StatsMapRequestDto,
    @CurrentActor() actor: Actor,
  ): Promise<StatsMapResponseDto> {
    return this.queryBus.execute(new StatsMapQuery(actor, query));
  }
}
