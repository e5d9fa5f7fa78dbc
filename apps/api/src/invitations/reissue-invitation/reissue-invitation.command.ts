import { Command } from '@nestjs/cqrs';
import { Actor } from '@app/application';
import { IssuedInvitationResponseDto } from '../invitation.response.dto';

export class ReissueInvitationCommand extends Command<IssuedInvitationResponseDto> {
  constructor(
    readonly workspaceId: string,
    readonly invitationId: string,
    readonly actor: Actor,
  ) {
    super();
  }
}
