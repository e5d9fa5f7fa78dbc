import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { InvitationService } from '@app/auth';
import { assertOwnWorkspace } from '../../workspaces/workspace-scope';
import { IssuedInvitationResponseDto } from '../invitation.response.dto';
import { CreateInvitationCommand } from './create-invitation.command';

@CommandHandler(CreateInvitationCommand)
export class CreateInvitationHandler implements ICommandHandler<CreateInvitationCommand> {
  constructor(private readonly invitations: InvitationService) {}

  execute({
    workspaceId,
    invitee,
    actor,
  }: CreateInvitationCommand): Promise<IssuedInvitationResponseDto> {
    assertOwnWorkspace(actor, workspaceId);
    return this.invitations.create(workspaceId, { ...invitee }, actor.userId);
  }
}
