import { Command } from '@nestjs/cqrs';
import { Actor } from '@app/application';
import { IssuedInvitationResponseDto } from '../../invitations/invitation.response.dto';

export class ResetSignInCommand extends Command<IssuedInvitationResponseDto> {
  constructor(
    readonly workspaceId: string,
    readonly userId: string,
    readonly actor: Actor,
  ) {
    super();
  }
}
