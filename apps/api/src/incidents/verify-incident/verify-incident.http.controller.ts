import { Body, Controller, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { Actor, CommandResult } from '@app/application';
import { CurrentActor, Roles } from '@app/auth';
import { commandContext, ifMatchVersion, RequestLike } from '@app/application/command-request';
import { ChangeIncidentCommand } from '../change-incident.handler';
import { IncidentChange, IncidentId } from '../incident-change.http';
import { VerifyIncidentRequestDto } from './verify-incident.request.dto';

@ApiTags('incidents')
@Controller('incidents')
export class VerifyIncidentHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/verification')
  @Roles('admin', 'verifier')
  @IncidentChange('Verify: needs two independent sources, or an override reason')
  handle(
    @IncidentId() id: string,
    @Body() body: VerifyIncidentRequestDto,
    @Req() request: RequestLike,
    @CurrentActor() actor: Actor,
  ): Promise<CommandResult> {
    const context = commandContext(request, actor);
    return this.commands.execute(
      new ChangeIncidentCommand(id, 'verification', context, ifMatchVersion(request), () => ({
        type: 'VerifyIncident',
        ...(body.overrideReason !== undefined && { overrideReason: body.overrideReason }),
      })),
    );
  }
}
