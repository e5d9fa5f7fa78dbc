import { Inject } from '@nestjs/common';
import { TARGET_STORE } from '../../targets/target-store.provider';
import { TargetStore } from '@app/application/targets/target.commands';
import { CommandResult } from '@app/application';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { amendTarget } from '@app/application/targets/target.commands';
import { AmendPersonCommand } from './amend-person.command';

@CommandHandler(AmendPersonCommand)
export class AmendPersonHandler implements ICommandHandler<AmendPersonCommand> {
  constructor(@Inject(TARGET_STORE) private readonly store: TargetStore) {}

  execute({ id, amendment, context, expectedVersion }: AmendPersonCommand): Promise<CommandResult> {
    return amendTarget(this.store, 'person', id, amendment, context, expectedVersion);
  }
}
