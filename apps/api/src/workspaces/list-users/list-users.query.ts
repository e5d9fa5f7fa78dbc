import { Query } from '@nestjs/cqrs';
import { Actor } from '@app/application';
import { UserListResponseDto } from './user-list.response.dto';

export class ListUsersQuery extends Query<UserListResponseDto> {
  constructor(
    readonly workspaceId: string,
    readonly actor: Actor,
  ) {
    super();
  }
}
