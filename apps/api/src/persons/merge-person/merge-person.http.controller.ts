import { Body, Controller, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { Actor, CommandResult } from '@app/application';
import { CurrentActor, Roles } from '@app/auth';
import { commandContext, ifMatchVersion, RequestLike } from '@app/application/command-request';
import { RECORDER_ROLES } from '../../targets/redaction';
import { ApiTargetChange, TargetId } from '../../targets/target.http-controller';
import { MergePersonCommand } from './merge-person.handler';
import { MergePersonRequestDto } from './merge-person.request.dto';

const DESCRIPTION =
  'Records `PersonMerged` on this (duplicate) person: from then on their acts count as acts ' +
  'of the person `into`, and `GET /stats?measure=persons` counts the human once. Nothing is ' +
  'rewritten: `asOf` a position before the merge counts them apart, as pinned snapshots do, ' +
  'and `POST /persons/{id}/unmerge` undoes it. 404 if `into` is not a person of your ' +
  'workspace; 409 if this person is already merged, if `into` is erased or merged itself ' +
  '(the answer names whom to merge into), or if others are merged into this person.';

@ApiTags('persons')
@Controller('persons')
export class MergePersonHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/merge')
  @Roles(...RECORDER_ROLES)
  @ApiTargetChange(
    'MergePersonHttpController_merge',
    {
      summary: 'Merge a duplicate person into the person kept, with a reason',
      description: DESCRIPTION,
    },
    '6f1c1a52-3b9e-4c55-9d0e-2f7f1a0c9e11',
  )
  merge(
    @TargetId() id: string,
    @Body() body: MergePersonRequestDto,
    @Req() request: RequestLike,
    @CurrentActor() actor: Actor,
  ): Promise<CommandResult> {
    const context = commandContext(request, actor);
    return this.commandBus.execute(
      new MergePersonCommand(id, body, context, ifMatchVersion(request)),
    );
  }
}
