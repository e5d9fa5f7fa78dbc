import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { SessionService } from '@app/auth';
import { assertOwnWorkspace } from '../../workspaces/workspace-scope';
import { SessionListResponseDto } from '../session-list.response.dto';
import { ListWorkspaceSessionsQuery } from './list-workspace-sessions.query';

@QueryHandler(ListWorkspaceSessionsQuery)
export class ListWorkspaceSessionsHandler implements IQueryHandler<ListWorkspaceSessionsQuery> {
  constructor(private readonly sessions: SessionService) {}

  async execute({
    workspaceId,
    actor,
    currentSessionId,
  }: ListWorkspaceSessionsQuery): Promise<SessionListResponseDto> {
    assertOwnWorkspace(actor, workspaceId);
    const sessions = await this.sessions.list({ workspaceId });
    return { sessions: sessions.map((s) => ({ ...s, current: s.id === currentSessionId })) };
  }
}
