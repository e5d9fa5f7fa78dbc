import { Body, Controller, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { Actor, CommandResult } from '@app/application';
import { CurrentActor, Roles } from '@app/auth';
import { commandContext, ifMatchVersion, RequestLike } from '@app/application/command-request';
import { ChangeIncidentCommand } from '../change-incident.handler';
import { IncidentChange, IncidentId } from '../incident-change.http';
import { CorrectIncidentRequestDto } from './correct-incident.request.dto';

@ApiTags('incidents')
@Controller('incidents')
export class CorrectIncidentHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/corrections')
  @Roles('admin', 'monitor')
  @IncidentChange('Correct one field, with a reason; the original value stays in the history')
  correct(
    @IncidentId() id: string,
    @Body() body: CorrectIncidentRequestDto,
    @Req() request: RequestLike,
    @CurrentActor() actor: Actor,
  ): Promise<CommandResult> {
    const context = commandContext(request, actor);
    return this.commands.execute(
      new ChangeIncidentCommand(id, 'corrections', context, ifMatchVersion(request), () => ({
        type: 'CorrectIncident',
        field: body.field,
        value: body.value,
        ...(body.actId !== undefined && { actId: body.actId }),
        reason: body.reason,
        ...(body.note !== undefined && { note: body.note }),
        today: context.today,
      })),
    );
  }
}
