import { Controller, Get, Header, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Actor } from '@app/application';
import { AuthenticatedRequest, CurrentActor, Roles, SessionService } from '@app/auth';
import { ApiProblems } from '../../http/openapi.decorators';
import { assertOwnWorkspace, WorkspaceIdParam } from '../../workspaces/workspace-scope';
import { SessionListResponseDto } from '../session-list.response.dto';

@ApiTags('workspaces')
@Controller('workspaces')
export class ListWorkspaceSessionsHttpController {
  constructor(private readonly sessions: SessionService) {}

  @Get(':id/sessions')
  @Roles('admin')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: "Your workspace's live sessions: who is signed in, since when, from where",
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: SessionListResponseDto })
  @ApiProblems(400, 404)
  async list(
    @WorkspaceIdParam() workspaceId: string,
    @CurrentActor() actor: Actor,
    @Req() request: AuthenticatedRequest,
  ): Promise<SessionListResponseDto> {
    assertOwnWorkspace(actor, workspaceId);
    const current = request.principal?.session?.sessionId;
    const sessions = await this.sessions.list({ workspaceId });
    return { sessions: sessions.map((s) => ({ ...s, current: s.id === current })) };
  }
}
