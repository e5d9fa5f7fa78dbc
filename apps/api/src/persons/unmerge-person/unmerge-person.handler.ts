import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult } from '@app/application';
import { TargetStore } from '@app/application/targets/target.commands';
import { unmergePerson } from '@app/application/targets/person-merge.commands';
import { TARGET_STORE } from '../../targets/target-store.provider';
import { PersonReasonCommand } from '../person-reason.command';

export class UnmergePersonCommand extends PersonReasonCommand {}

@CommandHandler(UnmergePersonCommand)
export class UnmergePersonHandler implements ICommandHandler<UnmergePersonCommand> {
  constructor(@Inject(TARGET_STORE) private readonly store: TargetStore) {}

  execute({ id, reason, context, expectedVersion }: UnmergePersonCommand): Promise<CommandResult> {
    return unmergePerson(this.store, id, reason, context, expectedVersion);
  }
}
