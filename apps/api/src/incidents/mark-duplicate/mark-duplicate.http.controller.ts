import { Body, Controller, Delete, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { Actor, CommandExecutor, CommandResult } from '@app/application';
import { CurrentActor, Roles } from '@app/auth';
import { DomainError } from '@app/domain';
import { commandContext, ifMatchVersion, RequestLike } from '@app/application/command-request';
import { incidentStream } from '@app/application/streams';
import { ChangeIncidentCommand } from '../change-incident.handler';
import { IncidentChange, IncidentId } from '../incident-change.http';
import { MarkDuplicateRequestDto } from './mark-duplicate.request.dto';

@ApiTags('incidents')
@Controller('incidents')
export class MarkDuplicateHttpController {
  constructor(
    private readonly commands: CommandBus,
    // eslint-disable-next-line no-restricted-syntax -- loads the survivor to check it; to move into a MarkDuplicate handler
    private readonly executor: CommandExecutor,
  ) {}

  @Post(':id/duplicate-of')
  @Roles('admin', 'verifier')
  @IncidentChange('Mark as a duplicate of another incident: it then counts once, in the survivor')
  async mark(
    @IncidentId() id: string,
    @Body() body: MarkDuplicateRequestDto,
    @Req() request: RequestLike,
    @CurrentActor() actor: Actor,
  ): Promise<CommandResult> {
    const context = commandContext(request, actor);
    if (body.duplicateOf !== id) {
      const survivor = await this.executor.load(incidentStream(body.duplicateOf));
      if (survivor.events.length === 0 || survivor.workspaceId !== actor.workspaceId) {
        throw DomainError.invalid([{ field: 'duplicateOf', message: 'no such incident' }]);
      }
    }
    return this.commands.execute(
      new ChangeIncidentCommand(id, 'duplicate-of', context, ifMatchVersion(request), () => ({
        type: 'MarkDuplicate',
        incidentId: id,
        duplicateOf: body.duplicateOf,
        ...(body.note !== undefined && { note: body.note }),
      })),
    );
  }

  @Delete(':id/duplicate-of')
  @Roles('admin', 'verifier')
  @IncidentChange('Undo a duplicate mark: the incident counts on its own again')
  undo(
    @IncidentId() id: string,
    @Req() request: RequestLike,
    @CurrentActor() actor: Actor,
  ): Promise<CommandResult> {
    const context = commandContext(request, actor);
    return this.commands.execute(
      new ChangeIncidentCommand(id, 'undo-duplicate', context, ifMatchVersion(request), () => ({
        type: 'UndoDuplicate',
      })),
    );
  }
}
