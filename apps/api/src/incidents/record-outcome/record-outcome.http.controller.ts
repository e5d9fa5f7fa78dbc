import { Body, Controller, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { Actor, CommandResult } from '@app/application';
import { CurrentActor, Roles } from '@app/auth';
import { commandContext, ifMatchVersion, RequestLike } from '@app/application/command-request';
import { ChangeIncidentCommand } from '../change-incident.handler';
import { IncidentChange, IncidentId } from '../incident-change.http';
import { RecordOutcomeRequestDto } from './record-outcome.request.dto';

@ApiTags('incidents')
@Controller('incidents')
export class RecordOutcomeHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/outcomes')
  @Roles('admin', 'monitor')
  @IncidentChange('Record an outcome: sentence, fine, release, appeal, UN opinion...')
  handle(
    @IncidentId() id: string,
    @Body() body: RecordOutcomeRequestDto,
    @Req() request: RequestLike,
    @CurrentActor() actor: Actor,
  ): Promise<CommandResult> {
    const context = commandContext(request, actor);
    return this.commands.execute(
      new ChangeIncidentCommand(
        id,
        'outcomes',
        context,
        ifMatchVersion(request),
        (_state, ids) => ({
          type: 'RecordOutcome',
          outcome: {
            outcomeId: ids.id('outcome'),
            ...body,
            ...(body.fine && { fine: { ...body.fine } }),
          },
          today: context.today,
        }),
      ),
    );
  }
}
