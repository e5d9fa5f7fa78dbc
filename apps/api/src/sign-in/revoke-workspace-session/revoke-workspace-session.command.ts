import { Command } from '@nestjs/cqrs';
import { Actor } from '@app/application';

export class RevokeWorkspaceSessionCommand extends Command<void> {
  constructor(
    readonly workspaceId: string,
    readonly sessionId: string,
    readonly actor: Actor,
  ) {
    super();
  }
}
