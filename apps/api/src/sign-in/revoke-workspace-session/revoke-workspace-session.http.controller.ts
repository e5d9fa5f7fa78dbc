import { Controller, Delete, HttpCode, HttpStatus, Param } from '@nestjs/common';
import { ApiNoContentResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Actor } from '@app/application';
import { CurrentActor, Roles, SessionService } from '@app/auth';
import { DomainError } from '@app/domain';
import { ApiProblems } from '../../http/openapi.decorators';
import { UuidParamPipe } from '../../http/uuid-param.pipe';
import { assertOwnWorkspace, WorkspaceIdParam } from '../../workspaces/workspace-scope';

@ApiTags('workspaces')
@Controller('workspaces')
export class RevokeWorkspaceSessionHttpController {
  constructor(private readonly sessions: SessionService) {}

  @Delete(':id/sessions/:sessionId')
  @Roles('admin')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    summary: 'End a session of a user of your workspace: it stops at its next request',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiParam({ name: 'sessionId', format: 'uuid' })
  @ApiNoContentResponse({ description: 'Ended' })
  @ApiProblems(400, 404)
  async revoke(
    @WorkspaceIdParam() workspaceId: string,
    @Param('sessionId', UuidParamPipe) sessionId: string,
    @CurrentActor() actor: Actor,
  ): Promise<void> {
    assertOwnWorkspace(actor, workspaceId);
    if (!(await this.sessions.revoke(sessionId, { workspaceId }))) {
      throw new DomainError('not_found', 'session_not_found', 'no live session with this id');
    }
  }
}
