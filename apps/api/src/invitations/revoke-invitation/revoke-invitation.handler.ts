import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { InvitationService } from '@app/auth';
import { DomainError } from '@app/domain';
import { assertOwnWorkspace } from '../../workspaces/workspace-scope';
import { RevokeInvitationCommand } from './revoke-invitation.command';

@CommandHandler(RevokeInvitationCommand)
export class RevokeInvitationHandler implements ICommandHandler<RevokeInvitationCommand> {
  constructor(private readonly invitations: InvitationService) {}

  async execute({ workspaceId, invitationId, actor }: RevokeInvitationCommand): Promise<void> {
    assertOwnWorkspace(actor, workspaceId);
    if (!(await this.invitations.revoke(workspaceId, invitationId))) {
      throw new DomainError(
        'not_found',
        'invitation_not_found',
        'no pending invitation with this id',
      );
    }
  }
}
