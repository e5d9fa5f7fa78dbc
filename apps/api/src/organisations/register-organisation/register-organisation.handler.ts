import { CommandExecutor, CommandResult } from '@app/application';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { registerTarget } from '../../targets/target.commands';
import { RegisterOrganisationCommand } from './register-organisation.command';

@CommandHandler(RegisterOrganisationCommand)
export class RegisterOrganisationHandler implements ICommandHandler<RegisterOrganisationCommand> {
  constructor(private readonly executor: CommandExecutor) {}

  execute({ organisation, context }: RegisterOrganisationCommand): Promise<CommandResult> {
    const { aliases, ...details } = organisation;
    return registerTarget(this.executor, 'organisation', { details, aliases }, context);
  }
}
