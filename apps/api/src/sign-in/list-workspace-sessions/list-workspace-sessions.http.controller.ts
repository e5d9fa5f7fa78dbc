import { Controller, Get, Header, Req } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Actor } from '@app/application';
import { AuthenticatedRequest, CurrentActor, Roles } from '@app/auth';
import { ApiProblems } from '../../http/openapi.decorators';
import { WorkspaceIdParam } from '../../workspaces/workspace-scope';
import { SessionListResponseDto } from '../session-list.response.dto';
import { ListWorkspaceSessionsQuery } from './list-workspace-sessions.query';

@ApiTags('workspaces')
@Controller('workspaces')
export class ListWorkspaceSessionsHttpController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get(':id/sessions')
  @Roles('admin')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: "Your workspace's live sessions: who is signed in, since when, from where",
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: SessionListResponseDto })
  @ApiProblems(400, 404)
  list(
    @WorkspaceIdParam() workspaceId: string,
    @CurrentActor() actor: Actor,
    @Req() request: AuthenticatedRequest,
  ): Promise<SessionListResponseDto> {
    const current = request.principal?.session?.sessionId;
    return this.queryBus.execute(new ListWorkspaceSessionsQuery(workspaceId, actor, current));
  }
}
