import { CommandExecutor, CommandResult } from '@app/application';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { registerTarget } from '../../targets/target.commands';
import { RegisterPersonCommand } from './register-person.command';

@CommandHandler(RegisterPersonCommand)
export class RegisterPersonHandler implements ICommandHandler<RegisterPersonCommand> {
  constructor(private readonly executor: CommandExecutor) {}

  execute({ person, context }: RegisterPersonCommand): Promise<CommandResult> {
    const { aliases, ...details } = person;
    return registerTarget(this.executor, 'person', { details, aliases }, context);
  }
}
