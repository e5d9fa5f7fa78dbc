import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UserAccessService } from '@app/auth';
import { IssuedInvitationResponseDto } from '../../invitations/invitation.response.dto';
import { assertOwnWorkspace } from '../workspace-scope';
import { ResetSignInCommand } from './reset-sign-in.command';

@CommandHandler(ResetSignInCommand)
export class ResetSignInHandler implements ICommandHandler<ResetSignInCommand> {
  constructor(private readonly access: UserAccessService) {}

  execute({
    workspaceId,
    userId,
    actor,
  }: ResetSignInCommand): Promise<IssuedInvitationResponseDto> {
    assertOwnWorkspace(actor, workspaceId);
    return this.access.resetSignIn(actor, userId);
  }
}
