import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { WorkspaceDirectory } from '@app/auth';
import { assertOwnWorkspace } from '../workspace-scope';
import { ListUsersQuery } from './list-users.query';
import { UserListResponseDto } from './user-list.response.dto';

@QueryHandler(ListUsersQuery)
export class ListUsersHandler implements IQueryHandler<ListUsersQuery> {
  constructor(private readonly directory: WorkspaceDirectory) {}

  async execute({ workspaceId, actor }: ListUsersQuery): Promise<UserListResponseDto> {
    assertOwnWorkspace(actor, workspaceId);
    return { users: await this.directory.listUsers(workspaceId) };
  }
}
