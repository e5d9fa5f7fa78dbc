import { Body, Controller, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { Actor, CommandResult } from '@app/application';
import { CurrentActor, Roles } from '@app/auth';
import { commandContext, ifMatchVersion, RequestLike } from '@app/application/command-request';
import { ChangeIncidentCommand } from '../change-incident.handler';
import { IncidentChange, IncidentId } from '../incident-change.http';
import { RetractIncidentRequestDto } from './retract-incident.request.dto';

@ApiTags('incidents')
@Controller('incidents')
export class RetractIncidentHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/retraction')
  @Roles('admin', 'verifier')
  @IncidentChange('Retract with a reason; the incident stays in the history and leaves the counts')
  handle(
    @IncidentId() id: string,
    @Body() body: RetractIncidentRequestDto,
    @Req() request: RequestLike,
    @CurrentActor() actor: Actor,
  ): Promise<CommandResult> {
    const context = commandContext(request, actor);
    return this.commands.execute(
      new ChangeIncidentCommand(id, 'retraction', context, ifMatchVersion(request), () => ({
        type: 'RetractIncident',
        reason: body.reason,
        ...(body.note !== undefined && { note: body.note }),
      })),
    );
  }
}
