import { Controller, Get, Header } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Actor } from '@app/application';
import { CurrentActor, Roles } from '@app/auth';
import { ApiProblems } from '../../http/openapi.decorators';
import { WorkspaceIdParam } from '../workspace-scope';
import { ListUsersQuery } from './list-users.query';
import { UserListResponseDto } from './user-list.response.dto';

@ApiTags('workspaces')
@Controller('workspaces')
export class ListUsersHttpController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get(':id/users')
  @Roles('admin')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: "Your workspace's users with their tokens (ids and dates, never a secret)",
  })
  @ApiParam({ name: 'id', format: 'uuid', example: '3b0c7f52-8d7a-4a1e-9f7e-5c2b1a0d9e33' })
  @ApiOkResponse({ type: UserListResponseDto })
  @ApiProblems(400, 404)
  list(
    @WorkspaceIdParam() workspaceId: string,
    @CurrentActor() actor: Actor,
  ): Promise<UserListResponseDto> {
    return this.queryBus.execute(new ListUsersQuery(workspaceId, actor));
  }
}
