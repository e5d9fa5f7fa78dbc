import { CommandContext } from '@app/application';
import { Command } from '@nestjs/cqrs';
import { RegisterOrganisationRequestDto } from './register-organisation.request.dto';
import { RegisterTargetResponseDto } from '@app/application/targets/possible-duplicates';

export class RegisterOrganisationCommand extends Command<RegisterTargetResponseDto> {
  constructor(
    readonly organisation: RegisterOrganisationRequestDto,
    readonly context: CommandContext,
  ) {
    super();
  }
}
