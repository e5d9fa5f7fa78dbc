import { Query } from '@nestjs/cqrs';
import { Actor } from '@app/application';
import { SessionListResponseDto } from '../session-list.response.dto';

export class ListWorkspaceSessionsQuery extends Query<SessionListResponseDto> {
  constructor(
    readonly workspaceId: string,
    readonly actor: Actor,
    /** The session the request came with, if any (an API token has none). */
    readonly currentSessionId: string | undefined,
  ) {
    super();
  }
}
