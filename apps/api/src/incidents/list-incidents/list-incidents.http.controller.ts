import { Controller, Get, Header, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor } from '@app/application';
import { CurrentActor, Roles } from '@app/auth';
import { ApiProjectionLagging } from '../../projections/api-projection-lagging';
import { ApiProblems } from '../../http/openapi.decorators';
import { READER_ROLES } from '../../targets/redaction';
import { IncidentListDto } from './incident-list.response.dto';
import { ListIncidentsQuery } from './list-incidents.query';
import { ListIncidentsRequestDto } from './list-incidents.request.dto';

@ApiTags('incidents')
@Controller('incidents')
export class ListIncidentsHttpController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @Roles(...READER_ROLES)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Incidents of your workspace, filtered, latest occurrence first',
    description:
      'Read from the incident read model (see `GET /projections`); send `after=<position>` to ' +
      'see your own writes. Pages follow `nextCursor`. Codes and counts only, no names. ' +
      'Analysts get titles made of codes (a title may name someone) and cannot search them (`q`: 403).',
  })
  @ApiOkResponse({ type: IncidentListDto })
  @ApiProblems(400)
  @ApiProjectionLagging()
  list(
    @Query() query: ListIncidentsRequestDto,
    @CurrentActor() actor: Actor,
  ): Promise<IncidentListDto> {
    return this.queryBus.execute(new ListIncidentsQuery(actor, query));
  }
}
