import { Query } from '@nestjs/cqrs';
import { Actor } from '@app/application';
import { InvitationListResponseDto } from '../invitation.response.dto';

export class ListInvitationsQuery extends Query<InvitationListResponseDto> {
  constructor(
    readonly workspaceId: string,
    readonly actor: Actor,
  ) {
    super();
  }
}
