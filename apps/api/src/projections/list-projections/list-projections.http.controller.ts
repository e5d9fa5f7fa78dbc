import { Controller, Get, Header } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ListProjectionsQuery } from './list-projections.query';
import { ProjectionStatusDto } from './projection-status.response.dto';
import { Roles } from '@app/auth';

@ApiTags('projections')
@Controller('projections')
export class ListProjectionsHttpController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @Roles('admin', 'monitor', 'verifier', 'analyst')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Each projection: its position and how far behind the event store it is',
    description:
      'Queries of the read models (`GET /incidents`, `GET /stats`) reflect the projection ' +
      'position; send `after=<position>` to wait for your own writes.',
  })
  @ApiOkResponse({ type: [ProjectionStatusDto] })
  list(): Promise<ProjectionStatusDto[]> {
    return this.queryBus.execute(new ListProjectionsQuery());
  }
}
