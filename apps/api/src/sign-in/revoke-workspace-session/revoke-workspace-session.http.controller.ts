import { Controller, Delete, HttpCode, HttpStatus, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiNoContentResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Actor } from '@app/application';
import { CurrentActor, Roles } from '@app/auth';
import { ApiProblems } from '../../http/openapi.decorators';
import { UuidParamPipe } from '../../http/uuid-param.pipe';
import { WorkspaceIdParam } from '../../workspaces/workspace-scope';
import { RevokeWorkspaceSessionCommand } from './revoke-workspace-session.command';

@ApiTags('workspaces')
@Controller('workspaces')
export class RevokeWorkspaceSessionHttpController {
  constructor(private readonly commandBus: CommandBus) {}

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
  revoke(
    @WorkspaceIdParam() workspaceId: string,
    @Param('sessionId', UuidParamPipe) sessionId: string,
    @CurrentActor() actor: Actor,
  ): Promise<void> {
    return this.commandBus.execute(
      new RevokeWorkspaceSessionCommand(workspaceId, sessionId, actor),
    );
  }
}
