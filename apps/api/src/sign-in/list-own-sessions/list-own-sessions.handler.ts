import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { SessionService } from '@app/auth';
import { SessionListResponseDto } from '../session-list.response.dto';
import { ListOwnSessionsQuery } from './list-own-sessions.query';

@QueryHandler(ListOwnSessionsQuery)
export class ListOwnSessionsHandler implements IQueryHandler<ListOwnSessionsQuery> {
  constructor(private readonly sessions: SessionService) {}

  async execute({ session }: ListOwnSessionsQuery): Promise<SessionListResponseDto> {
    const sessions = await this.sessions.list({ userId: session.userId });
    return { sessions: sessions.map((s) => ({ ...s, current: s.id === session.sessionId })) };
  }
}
