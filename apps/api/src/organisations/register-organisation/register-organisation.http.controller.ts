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
import { RegisterOrganisationCommand } from './register-organisation.command';
import { RegisterOrganisationRequestDto } from './register-organisation.request.dto';

@ApiTags('organisations')
@Controller('organisations')
export class RegisterOrganisationHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @Roles(...RECORDER_ROLES)
  @ApiOperation({
    summary:
      'Register an organisation (an NGO, outlet, party, union, religious group) with its aliases',
  })
  @ApiIdempotencyKey()
  @ApiCreatedResponse({
    type: RegisterTargetResponseDto,
    description: 'Recorded; a retry with the same Idempotency-Key gets this same answer.',
  })
  @ApiProblems(400, 422)
  register(
    @Body() body: RegisterOrganisationRequestDto,
    @Req() request: CommandRequest,
    @CurrentActor() actor: Actor,
  ): Promise<RegisterTargetResponseDto> {
    return this.commandBus.execute(
      new RegisterOrganisationCommand(body, commandContext(request, actor)),
    );
  }
}
