import { Body, Controller, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor } from '@app/application';
import { CurrentActor, Roles } from '@app/auth';
import { commandContext } from '@app/application/command-request';
import { RegisterTargetResponseDto } from '@app/application/targets/possible-duplicates';
import { ApiIdempotencyKey, ApiProblems } from '../../http/openapi.decorators';
import { RECORDER_ROLES } from '../../targets/redaction';
import { CommandRequest } from '@app/application/targets/target.commands';
import { RegisterPersonCommand } from './register-person.command';
import { RegisterPersonRequestDto } from './register-person.request.dto';

@ApiTags('persons')
@Controller('persons')
export class RegisterPersonHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @Roles(...RECORDER_ROLES)
  @ApiOperation({
    summary: 'Register a person (a victim, relative or source) with their aliases',
    description:
      'The name and details are personal data. Without a `label`, a pseudonymous one is derived from the id.',
  })
  @ApiIdempotencyKey()
  @ApiCreatedResponse({
    type: RegisterTargetResponseDto,
    description: 'Recorded; a retry with the same Idempotency-Key gets this same answer.',
  })
  @ApiProblems(400, 422)
  register(
    @Body() body: RegisterPersonRequestDto,
    @Req() request: CommandRequest,
    @CurrentActor() actor: Actor,
  ): Promise<RegisterTargetResponseDto> {
    return this.commandBus.execute(new RegisterPersonCommand(body, commandContext(request, actor)));
  }
}
