import { Body, Controller, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { Actor, CommandResult } from '@app/application';
import { CurrentActor, Roles } from '@app/auth';
import { commandContext, ifMatchVersion, RequestLike } from '@app/application/command-request';
import { ChangeIncidentCommand } from '../change-incident.handler';
import { IncidentChange, IncidentId } from '../incident-change.http';
import { SourceDto } from '@app/application/incidents/report-incident.request.dto';

@ApiTags('incidents')
@Controller('incidents')
export class AttachSourceHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/sources')
  @Roles('admin', 'monitor')
  @IncidentChange('Attach a source (publication, URL, testimony)')
  handle(
    @IncidentId() id: string,
    @Body() body: SourceDto,
    @Req() request: RequestLike,
    @CurrentActor() actor: Actor,
  ): Promise<CommandResult> {
    const context = commandContext(request, actor);
    return this.commands.execute(
      new ChangeIncidentCommand(id, 'sources', context, ifMatchVersion(request), (_state, ids) => ({
        type: 'AttachSource',
        source: { sourceId: ids.id('source'), ...body },
        today: context.today,
      })),
    );
  }
}
