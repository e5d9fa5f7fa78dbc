import { CommandExecutor, CommandResult } from '@app/application';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { amendTarget } from '../../targets/target.commands';
import { AmendOrganisationCommand } from './amend-organisation.command';

@CommandHandler(AmendOrganisationCommand)
export class AmendOrganisationHandler implements ICommandHandler<AmendOrganisationCommand> {
  constructor(private readonly executor: CommandExecutor) {}

  execute({
    id,
    amendment,
    context,
    expectedVersion,
  }: AmendOrganisationCommand): Promise<CommandResult> {
    return amendTarget(this.executor, 'organisation', id, amendment, context, expectedVersion);
  }
}
