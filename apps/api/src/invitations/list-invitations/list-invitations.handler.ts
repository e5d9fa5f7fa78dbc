import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InvitationService } from '@app/auth';
import { assertOwnWorkspace } from '../../workspaces/workspace-scope';
import { InvitationListResponseDto } from '../invitation.response.dto';
import { ListInvitationsQuery } from './list-invitations.query';

@QueryHandler(ListInvitationsQuery)
export class ListInvitationsHandler implements IQueryHandler<ListInvitationsQuery> {
  constructor(private readonly invitations: InvitationService) {}

  async execute({ workspaceId, actor }: ListInvitationsQuery): Promise<InvitationListResponseDto> {
    assertOwnWorkspace(actor, workspaceId);
    return { invitations: await this.invitations.list(workspaceId) };
  }
}
