import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { InvitationService } from '@app/auth';
import { DomainError } from '@app/domain';
import { assertOwnWorkspace } from '../../workspaces/workspace-scope';
import { IssuedInvitationResponseDto } from '../invitation.response.dto';
import { ReissueInvitationCommand } from './reissue-invitation.command';

@CommandHandler(ReissueInvitationCommand)
export class ReissueInvitationHandler implements ICommandHandler<ReissueInvitationCommand> {
  constructor(private readonly invitations: InvitationService) {}

  async execute({
    workspaceId,
    invitationId,
    actor,
  }: ReissueInvitationCommand): Promise<IssuedInvitationResponseDto> {
    assertOwnWorkspace(actor, workspaceId);
    const issued = await this.invitations.reissue(workspaceId, invitationId, actor.userId);
    if (issued === undefined) {
      throw new DomainError(
        'not_found',
        'invitation_not_found',
        'no unused invitation with this id',
      );
    }
    return issued;
  }
}
