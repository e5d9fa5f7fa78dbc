import { Inject } from '@nestjs/common';
import { TARGET_STORE } from '../../targets/target-store.provider';
import { TargetStore } from '@app/application/targets/target.commands';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  registerReportingDuplicates,
  RegisterTargetResponseDto,
} from '@app/application/targets/possible-duplicates';
import { RegisterPersonCommand } from './register-person.command';

@CommandHandler(RegisterPersonCommand)
export class RegisterPersonHandler implements ICommandHandler<RegisterPersonCommand> {
  constructor(@Inject(TARGET_STORE) private readonly store: TargetStore) {}

  execute({ person, context }: RegisterPersonCommand): Promise<RegisterTargetResponseDto> {
    const { aliases, ...details } = person;
    return registerReportingDuplicates(this.store, 'person', { details, aliases }, context);
  }
}
