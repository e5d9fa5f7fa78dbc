import { Command } from '@nestjs/cqrs';
import { Actor } from '@app/application';
import type { Role } from '@app/auth';
import { IssuedInvitationResponseDto } from '../invitation.response.dto';

export class CreateInvitationCommand extends Command<IssuedInvitationResponseDto> {
  constructor(
    readonly workspaceId: string,
    readonly invitee: { readonly name: string; readonly role: Role },
    readonly actor: Actor,
  ) {
    super();
  }
}
