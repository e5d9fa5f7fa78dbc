import { Body, Controller, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { Actor, CommandResult } from '@app/application';
import { CurrentActor, Roles } from '@app/auth';
import { commandContext, ifMatchVersion, RequestLike } from '@app/application/command-request';
import { ChangeIncidentCommand } from '../change-incident.handler';
import { IncidentChange, IncidentId } from '../incident-change.http';
import { PerpetratorDto } from '@app/application/incidents/report-incident.request.dto';

@ApiTags('incidents')
@Controller('incidents')
export class AddPerpetratorHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/perpetrators')
  @Roles('admin', 'monitor')
  @IncidentChange('Add a perpetrator (source of threat, main or secondary)')
  handle(
    @IncidentId() id: string,
    @Body() body: PerpetratorDto,
    @Req() request: RequestLike,
    @CurrentActor() actor: Actor,
  ): Promise<CommandResult> {
    const context = commandContext(request, actor);
    return this.commands.execute(
      new ChangeIncidentCommand(
        id,
        'perpetrators',
        context,
        ifMatchVersion(request),
        (_state, ids) => ({
          type: 'AddPerpetrator',
          perpetrator: {
            perpetratorId: ids.id('perpetrator'),
            source: body.source,
            role: body.role as 'main' | 'secondary',
            ...(body.unit !== undefined && { unit: body.unit }),
          },
        }),
      ),
    );
  }
}
