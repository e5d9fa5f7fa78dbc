import { CommandContext } from '@app/application';
import { Command } from '@nestjs/cqrs';
import { RegisterPersonRequestDto } from './register-person.request.dto';
import { RegisterTargetResponseDto } from '@app/application/targets/possible-duplicates';

export class RegisterPersonCommand extends Command<RegisterTargetResponseDto> {
  constructor(
    readonly person: RegisterPersonRequestDto,
    readonly context: CommandContext,
  ) {
    super();
  }
}
