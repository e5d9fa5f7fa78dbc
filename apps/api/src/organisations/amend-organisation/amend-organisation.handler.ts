import { Inject } from '@nestjs/common';
import { TARGET_STORE } from '../../targets/target-store.provider';
import { TargetStore } from '@app/application/targets/target.commands';
import { CommandResult } from '@app/application';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { amendTarget } from '@app/application/targets/target.commands';
import { AmendOrganisationCommand } from './amend-organisation.command';

@CommandHandler(AmendOrganisationCommand)
export class AmendOrganisationHandler implements ICommandHandler<AmendOrganisationCommand> {
  constructor(@Inject(TARGET_STORE) private readonly store: TargetStore) {}

  execute({
    id,
    amendment,
    context,
    expectedVersion,
  }: AmendOrganisationCommand): Promise<CommandResult> {
    return amendTarget(this.store, 'organisation', id, amendment, context, expectedVersion);
  }
}
