import { Body, Controller, Param, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Actor } from '@app/application';
import { CurrentActor, Roles } from '@app/auth';
import { commandContext, ifMatchVersion } from '@app/application/command-request';
import { CommandResponseDto } from '@app/application/command-response.dto';
import { ApiIdempotencyKey, ApiIfMatch, ApiProblems } from '../../http/openapi.decorators';
import { UuidParamPipe } from '../../http/uuid-param.pipe';
import { RECORDER_ROLES } from '../../targets/redaction';
import { CommandRequest } from '@app/application/targets/target.commands';
import { LinkOrganisationAliasCommand } from './link-organisation-alias.command';
import { LinkOrganisationAliasRequestDto } from './link-organisation-alias.request.dto';

@ApiTags('organisations')
@Controller('organisations')
export class LinkOrganisationAliasHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/aliases')
  @Roles(...RECORDER_ROLES)
  @ApiOperation({
    summary: 'Link another name of an organisation (abbreviation, translation, former name)',
    description: '409 if the name or alias is already linked.',
  })
  @ApiParam({ name: 'id', format: 'uuid', example: '0d4be1f2-8a7c-4e59-b3a6-51c9e07f2d84' })
  @ApiIfMatch()
  @ApiIdempotencyKey()
  @ApiCreatedResponse({
    type: CommandResponseDto,
    description: 'Recorded; a retry with the same Idempotency-Key gets this same answer.',
  })
  @ApiProblems(400, 404, 409, 422)
  link(
    @Param('id', UuidParamPipe) id: string,
    @Body() body: LinkOrganisationAliasRequestDto,
    @Req() request: CommandRequest,
    @CurrentActor() actor: Actor,
  ): Promise<CommandResponseDto> {
    return this.commandBus.execute(
      new LinkOrganisationAliasCommand(
        id,
        body.alias,
        commandContext(request, actor),
        ifMatchVersion(request),
      ),
    );
  }
}
