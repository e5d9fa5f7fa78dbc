import { Inject } from '@nestjs/common';
import { TARGET_STORE } from '../../targets/target-store.provider';
import { TargetStore } from '@app/application/targets/target.commands';
import { CommandResult } from '@app/application';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { registerTarget } from '@app/application/targets/target.commands';
import { RegisterOrganisationCommand } from './register-organisation.command';

@CommandHandler(RegisterOrganisationCommand)
export class RegisterOrganisationHandler implements ICommandHandler<RegisterOrganisationCommand> {
  constructor(@Inject(TARGET_STORE) private readonly store: TargetStore) {}

  execute({ organisation, context }: RegisterOrganisationCommand): Promise<CommandResult> {
    const { aliases, ...details } = organisation;
    return registerTarget(this.store, 'organisation', { details, aliases }, context);
  }
}
