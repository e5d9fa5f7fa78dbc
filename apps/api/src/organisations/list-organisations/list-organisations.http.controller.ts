import { Controller, Get, Header, Query } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Actor } from '@app/application';
import { CurrentActor, Roles } from '@app/auth';
import { ApiProblems } from '../../http/openapi.decorators';
import { ListTargetsRequestDto, TargetList, TargetListDto } from '../../targets/list-targets';
import { READER_ROLES } from '../../targets/redaction';

@ApiTags('organisations')
@Controller('organisations')
export class ListOrganisationsHttpController {
  constructor(private readonly targets: TargetList) {}

  @Get()
  @Roles(...READER_ROLES)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'The organisations of your workspace, filtered by category and country',
    description:
      'From the redacted read model: labels and codes, never a name, contacts, address or notes ' +
      '(GET /organisations/{id} has the details, for the roles that may see them). Pages follow `nextCursor`.',
  })
  @ApiOkResponse({ type: TargetListDto })
  @ApiProblems(400, 403)
  @ApiServiceUnavailableResponse({
    description: '`after` named a position the projection `targets` did not pass within 5 s.',
  })
  list(
    @Query() query: ListTargetsRequestDto,
    @CurrentActor() actor: Actor,
  ): Promise<TargetListDto> {
    return this.targets.list('organisation', actor, query);
  }
}
