import { CommandContext, CommandResult } from '@app/application';
import { Command } from '@nestjs/cqrs';
import { AmendPersonRequestDto } from './amend-person.request.dto';

export class AmendPersonCommand extends Command<CommandResult> {
  constructor(
    readonly id: string,
    readonly amendment: AmendPersonRequestDto,
    readonly context: CommandContext,
    /** From If-Match. */
    readonly expectedVersion?: number,
  ) {
    super();
  }
}
