import { Command } from '@nestjs/cqrs';
import { Actor } from '@app/application';

export class DisableUserCommand extends Command<void> {
  constructor(
    readonly workspaceId: string,
    readonly userId: string,
    readonly actor: Actor,
  ) {
    super();
  }
}
