import { Controller, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiNoContentResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Actor } from '@app/application';
import { CurrentActor, InvitationService, Roles } from '@app/auth';
import { DomainError } from '@app/domain';
import { ApiProblems } from '../../http/openapi.decorators';
import { UuidParamPipe } from '../../http/uuid-param.pipe';
import { assertOwnWorkspace, WorkspaceIdParam } from '../../workspaces/workspace-scope';

@ApiTags('invitations')
@Controller('workspaces')
export class RevokeInvitationHttpController {
  constructor(private readonly invitations: InvitationService) {}

  @Post(':id/invitations/:invitationId/revoke')
  @Roles('admin')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Revoke a pending invitation: its link stops working at once' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiParam({ name: 'invitationId', format: 'uuid' })
  @ApiNoContentResponse({ description: 'Revoked' })
  @ApiProblems(400, 404)
  async revoke(
    @WorkspaceIdParam() workspaceId: string,
    @Param('invitationId', UuidParamPipe) invitationId: string,
    @CurrentActor() actor: Actor,
  ): Promise<void> {
    assertOwnWorkspace(actor, workspaceId);
    if (!(await this.invitations.revoke(workspaceId, invitationId))) {
      throw new DomainError(
        'not_found',
        'invitation_not_found',
        'no pending invitation with this id',
      );
    }
  }
}
