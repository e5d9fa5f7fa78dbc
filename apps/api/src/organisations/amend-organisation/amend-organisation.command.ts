import { CommandContext, CommandResult } from '@app/application';
import { Command } from '@nestjs/cqrs';
import { AmendOrganisationRequestDto } from './amend-organisation.request.dto';

export class AmendOrganisationCommand extends Command<CommandResult> {
  constructor(
    readonly id: string,
    readonly amendment: AmendOrganisationRequestDto,
    readonly context: CommandContext,
    /** From If-Match. */
    readonly expectedVersion?: number,
  ) {
    super();
  }
}
