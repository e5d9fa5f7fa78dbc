import { Body, Controller, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { Actor, CommandResult } from '@app/application';
import { CurrentActor, Roles } from '@app/auth';
import { commandContext, ifMatchVersion, RequestLike } from '@app/application/command-request';
import { RECORDER_ROLES } from '../../targets/redaction';
import { ApiTargetChange, TargetId } from '../../targets/target.http-controller';
import { UnmergePersonCommand } from './unmerge-person.handler';
import { UnmergePersonRequestDto } from './unmerge-person.request.dto';

@ApiTags('persons')
@Controller('persons')
export class UnmergePersonHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/unmerge')
  @Roles(...RECORDER_ROLES)
  @ApiTargetChange(
    'UnmergePersonHttpController_unmerge',
    {
      summary: 'Undo the merge of a person, with a reason',
      description:
        'Records `PersonMergeUndone`: the person counts on their own again from then on ' +
        '(figures as of an earlier position stay as they were). 409 if they are not merged.',
    },
    '6f1c1a52-3b9e-4c55-9d0e-2f7f1a0c9e11',
  )
  unmerge(
    @TargetId() id: string,
    @Body() body: UnmergePersonRequestDto,
    @Req() request: RequestLike,
    @CurrentActor() actor: Actor,
  ): Promise<CommandResult> {
    const context = commandContext(request, actor);
    return this.commandBus.execute(
      new UnmergePersonCommand(id, body.reason, context, ifMatchVersion(request)),
    );
  }
}
