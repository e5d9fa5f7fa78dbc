import { CommandExecutor, CommandResult } from '@app/application';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { amendTarget } from '../../targets/target.commands';
import { AmendPersonCommand } from './amend-person.command';

@CommandHandler(AmendPersonCommand)
export class AmendPersonHandler implements ICommandHandler<AmendPersonCommand> {
  constructor(private readonly executor: CommandExecutor) {}

  execute({ id, amendment, context, expectedVersion }: AmendPersonCommand): Promise<CommandResult> {
    return amendTarget(this.executor, 'person', id, amendment, context, expectedVersion);
  }
}
