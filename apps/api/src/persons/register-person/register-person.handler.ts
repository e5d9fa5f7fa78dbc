import { Inject } from '@nestjs/common';
import { TARGET_STORE } from '../../targets/target-store.provider';
import { TargetStore } from '@app/application/targets/target.commands';
import { CommandResult } from '@app/application';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { registerTarget } from '@app/application/targets/target.commands';
import { RegisterPersonCommand } from './register-person.command';

@CommandHandler(RegisterPersonCommand)
export class RegisterPersonHandler implements ICommandHandler<RegisterPersonCommand> {
  constructor(@Inject(TARGET_STORE) private readonly store: TargetStore) {}

  execute({ person, context }: RegisterPersonCommand): Promise<CommandResult> {
    const { aliases, ...details } = person;
    return registerTarget(this.store, 'person', { details, aliases }, context);
  }
}
