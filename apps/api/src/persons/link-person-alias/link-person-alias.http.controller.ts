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
import { LinkPersonAliasCommand } from './link-person-alias.command';
import { LinkPersonAliasRequestDto } from './link-person-alias.request.dto';

@ApiTags('persons')
@Controller('persons')
export class LinkPersonAliasHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/aliases')
  @Roles(...RECORDER_ROLES)
  @ApiOperation({
    summary: "Link another spelling of a person's name (Yelshibayev / Elshibayev)",
    description: '409 if the name or alias is already linked.',
  })
  @ApiParam({ name: 'id', format: 'uuid', example: '6f1c1a52-3b9e-4c55-9d0e-2f7f1a0c9e11' })
  @ApiIfMatch()
  @ApiIdempotencyKey()
  @ApiCreatedResponse({
    type: CommandResponseDto,
    description: 'Recorded; a retry with the same Idempotency-Key gets this same answer.',
  })
  @ApiProblems(400, 404, 409, 422)
  link(
    @Param('id', UuidParamPipe) id: string,
    @Body() body: LinkPersonAliasRequestDto,
    @Req() request: CommandRequest,
    @CurrentActor() actor: Actor,
  ): Promise<CommandResponseDto> {
    return this.commandBus.execute(
      new LinkPersonAliasCommand(
        id,
        body.alias,
        commandContext(request, actor),
        ifMatchVersion(request),
      ),
    );
  }
}
