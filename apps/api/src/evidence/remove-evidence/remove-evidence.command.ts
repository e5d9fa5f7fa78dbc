import { Command } from '@nestjs/cqrs';
import { CommandContext, CommandResult } from '@app/application';

export class RemoveEvidenceCommand extends Command<CommandResult> {
  constructor(
    readonly incidentId: string,
    readonly evidenceId: string,
    readonly reason: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}
