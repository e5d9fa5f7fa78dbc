import { Command } from '@nestjs/cqrs';
import { CommandContext, CommandResult } from '@app/application';

/**
 * What a change to one person with a reason carries (an erasure, the undoing of a merge). Each
 * use case subclasses it: the command bus finds a handler by the subclass.
 */
export abstract class PersonReasonCommand extends Command<CommandResult> {
  constructor(
    readonly id: string,
    readonly reason: string,
    readonly context: CommandContext,
    /** From If-Match. */
    readonly expectedVersion?: number,
  ) {
    super();
  }
}
