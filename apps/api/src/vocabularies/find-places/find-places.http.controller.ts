import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles, ROLES } from '@app/auth';
import { ApiProblems } from '../../http/openapi.decorators';
import { FindPlacesQuery } from './find-places.query';
import { FindPlacesRequestDto } from './find-places.request.dto';
import { FindPlacesResponseDto } from './place.response.dto';

@ApiTags('vocabularies')
@Controller('places')
export class FindPlacesHttpController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @Roles(...ROLES)
  @ApiOperation({
    summary: 'Settlements of the five countries by name, with their coordinates',
    description:
      "A gazetteer shipped with the app (GeoNames, CC BY 4.0: settlements of 1,000 people or more; docs/geography.md), for filling an incident's location: the coordinates with `precision: settlement`.",
  })
  @ApiOkResponse({ type: FindPlacesResponseDto })
  @ApiProblems(400)
  find(@Query() query: FindPlacesRequestDto): Promise<FindPlacesResponseDto> {
    return this.queryBus.execute(new FindPlacesQuery(query.q, query.country));
  }
}
