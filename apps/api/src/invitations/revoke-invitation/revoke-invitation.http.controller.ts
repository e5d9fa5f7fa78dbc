import { Controller, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiNoContentResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Actor } from '@app/application';
import { CurrentActor, Roles } from '@app/auth';
import { ApiProblems } from '../../http/openapi.decorators';
import { UuidParamPipe } from '../../http/uuid-param.pipe';
import { WorkspaceIdParam } from '../../workspaces/workspace-scope';
import { RevokeInvitationCommand } from './revoke-invitation.command';

@ApiTags('invitations')
@Controller('workspaces')
export class RevokeInvitationHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/invitations/:invitationId/revoke')
  @Roles('admin')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Revoke a pending invitation: its link stops working at once' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiParam({ name: 'invitationId', format: 'uuid' })
  @ApiNoContentResponse({ description: 'Revoked' })
  @ApiProblems(400, 404)
  revoke(
    @WorkspaceIdParam() workspaceId: string,
    @Param('invitationId', UuidParamPipe) invitationId: string,
    @CurrentActor() actor: Actor,
  ): Promise<void> {
    return this.commandBus.execute(new RevokeInvitationCommand(workspaceId, invitationId, actor));
  }
}
