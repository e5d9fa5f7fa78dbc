import { CommandContext, CommandResult } from '@app/application';
import { Command } from '@nestjs/cqrs';

export class LinkOrganisationAliasCommand extends Command<CommandResult> {
  constructor(
    readonly id: string,
    readonly alias: string,
    readonly context: CommandContext,
    /** From If-Match. */
    readonly expectedVersion?: number,
  ) {
    super();
  }
}
