import { CommandContext, CommandResult } from '@app/application';
import { Command } from '@nestjs/cqrs';
import { RegisterPersonRequestDto } from './register-person.request.dto';

export class RegisterPersonCommand extends Command<CommandResult> {
  constructor(
    readonly person: RegisterPersonRequestDto,
    readonly context: CommandContext,
  ) {
    super();
  }
}
