import { CommandContext, CommandResult } from '@app/application';
import { Command } from '@nestjs/cqrs';
import { RegisterOrganisationRequestDto } from './register-organisation.request.dto';

export class RegisterOrganisationCommand extends Command<CommandResult> {
  constructor(
    readonly organisation: RegisterOrganisationRequestDto,
    readonly context: CommandContext,
  ) {
    super();
  }
}
