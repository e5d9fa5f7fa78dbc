import { Body, Controller, Param, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Actor } from '@app/application';
import { CurrentActor, Roles } from '@app/auth';
import { commandContext, ifMatchVersion } from '@app/application/command-request';
import { CommandResponseDto } from '@app/application/command-response.dto';
import { ApiIdempotencyKey, ApiIfMatch, ApiProblems } from '../../http/openapi.decorators';
import { UuidParamPipe } from '../../http/uuid-param.pipe';
import { CommandRequest } from '@app/application/targets/target.commands';
import { ErasePersonCommand } from './erase-person.handler';
import { ErasePersonRequestDto } from './erase-person.request.dto';

@ApiTags('persons')
@Controller('persons')
export class ErasePersonHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/erasure')
  @Roles('admin')
  @ApiOperation({
    summary: "Erase a person's personal data for good (crypto-shredding)",
    description:
      "Destroys the person's key and records `PersonErased`: from then on their name, " +
      'contacts, address, notes and aliases read as `[erased]` everywhere, in the API, the ' +
      'history and the exports, and no copy of the log can reveal them. Every count stays ' +
      'the same: the person still counts in statistics, under their pseudonymous label. ' +
      'Irreversible. 409 if already erased.',
  })
  @ApiParam({ name: 'id', format: 'uuid', example: '6f1c1a52-3b9e-4c55-9d0e-2f7f1a0c9e11' })
  @ApiIfMatch()
  @ApiIdempotencyKey()
  @ApiCreatedResponse({
    type: CommandResponseDto,
    description: 'Erased; a retry with the same Idempotency-Key gets this same answer.',
  })
  @ApiProblems(400, 404, 409, 422)
  erase(
    @Param('id', UuidParamPipe) id: string,
    @Body() body: ErasePersonRequestDto,
    @Req() request: CommandRequest,
    @CurrentActor() actor: Actor,
  ): Promise<CommandResponseDto> {
    return this.commandBus.execute(
      new ErasePersonCommand(
        id,
        body.reason,
        commandContext(request, actor),
        ifMatchVersion(request),
      ),
    );
  }
}
