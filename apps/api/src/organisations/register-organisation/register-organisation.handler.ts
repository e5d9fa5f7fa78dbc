import { Inject } from '@nestjs/common';
import { TARGET_STORE } from '../../targets/target-store.provider';
import { TargetStore } from '@app/application/targets/target.commands';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  registerReportingDuplicates,
  RegisterTargetResponseDto,
} from '@app/application/targets/possible-duplicates';
import { RegisterOrganisationCommand } from './register-organisation.command';

@CommandHandler(RegisterOrganisationCommand)
export class RegisterOrganisationHandler implements ICommandHandler<RegisterOrganisationCommand> {
  constructor(@Inject(TARGET_STORE) private readonly store: TargetStore) {}

  execute({
    organisation,
    context,
  }: RegisterOrganisationCommand): Promise<RegisterTargetResponseDto> {
    const { aliases, ...details } = organisation;
    return registerReportingDuplicates(this.store, 'organisation', { details, aliases }, context);
  }
}
