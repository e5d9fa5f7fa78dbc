import { Body, Controller, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { Actor, CommandResult, IdSource } from '@app/application';
import { CurrentActor, Roles } from '@app/auth';
import { commandContext, ifMatchVersion, RequestLike } from '@app/application/command-request';
import { ChangeIncidentCommand } from '../change-incident.handler';
import { IncidentChange, IncidentId } from '../incident-change.http';
import { IncidentTargets, resolveTarget } from '@app/application/incidents/incident-targets';
import { TargetDto } from '@app/application/incidents/report-incident.request.dto';

@ApiTags('incidents')
@Controller('incidents')
export class AddTargetHttpController {
  constructor(
    private readonly commands: CommandBus,
    // eslint-disable-next-line no-restricted-syntax -- registers an inline target before the change; to move into an AddTarget handler
    private readonly targets: IncidentTargets,
  ) {}

  @Post(':id/targets')
  @Roles('admin', 'monitor')
  @IncidentChange('Add a target (an existing person or organisation, or one given inline)')
  async handle(
    @IncidentId() id: string,
    @Body() body: TargetDto,
    @Req() request: RequestLike,
    @CurrentActor() actor: Actor,
  ): Promise<CommandResult> {
    const context = commandContext(request, actor);
    const route = `targets ${id}`;
    // Resolved before the command, so an inline target is registered once, with stable ids.
    const registered = await this.targets.categoriesOf([body], context, () => 'target');
    const target = resolveTarget(
      body,
      'target',
      IdSource.for(actor.workspaceId, context.idempotencyKey, route),
      registered,
    );
    await this.targets.register([target], context, route);
    return this.commands.execute(
      new ChangeIncidentCommand(id, 'targets', context, ifMatchVersion(request), () => ({
        type: 'AddTarget',
        act: target.act,
      })),
    );
  }
}
