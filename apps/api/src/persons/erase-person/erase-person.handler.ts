import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandContext, CommandResult } from '@app/application';
import { erasePerson, TargetStore } from '@app/application/targets/target.commands';
import { TARGET_STORE } from '../../targets/target-store.provider';

export class ErasePersonCommand extends Command<CommandResult> {
  constructor(
    readonly id: string,
    readonly reason: string,
    readonly context: CommandContext,
    /** From If-Match. */
    readonly expectedVersion?: number,
  ) {
    super();
  }
}

@CommandHandler(ErasePersonCommand)
export class ErasePersonHandler implements ICommandHandler<ErasePersonCommand> {
  constructor(@Inject(TARGET_STORE) private readonly store: TargetStore) {}

  execute({ id, reason, context, expectedVersion }: ErasePersonCommand): Promise<CommandResult> {
    return erasePerson(this.store, id, reason, context, expectedVersion);
  }
}
