import { Command } from '@nestjs/cqrs';
import { Actor } from '@app/application';

export class RevokeInvitationCommand extends Command<void> {
  constructor(
    readonly workspaceId: string,
    readonly invitationId: string,
    readonly actor: Actor,
  ) {
    super();
  }
}
