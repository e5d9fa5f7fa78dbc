import { Controller, Header, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Actor } from '@app/application';
import { CurrentActor, InvitationService, Roles } from '@app/auth';
import { DomainError } from '@app/domain';
import { ApiProblems } from '../../http/openapi.decorators';
import { UuidParamPipe } from '../../http/uuid-param.pipe';
import { assertOwnWorkspace, WorkspaceIdParam } from '../../workspaces/workspace-scope';
import { IssuedInvitationResponseDto } from '../invitation.response.dto';

@ApiTags('invitations')
@Controller('workspaces')
export class ReissueInvitationHttpController {
  constructor(private readonly invitations: InvitationService) {}

  @Post(':id/invitations/:invitationId/reissue')
  @Roles('admin')
  @HttpCode(HttpStatus.CREATED)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary:
      'A new link for an invitation not yet used (lost, expired or revoked); the old one stops',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiParam({ name: 'invitationId', format: 'uuid' })
  @ApiCreatedResponse({ type: IssuedInvitationResponseDto })
  @ApiProblems(400, 404)
  async reissue(
    @WorkspaceIdParam() workspaceId: string,
    @Param('invitationId', UuidParamPipe) invitationId: string,
    @CurrentActor() actor: Actor,
  ): Promise<IssuedInvitationResponseDto> {
    assertOwnWorkspace(actor, workspaceId);
    const issued = await this.invitations.reissue(workspaceId, invitationId, actor.userId);
    if (issued === undefined) {
      throw new DomainError(
        'not_found',
        'invitation_not_found',
        'no unused invitation with this id',
      );
    }
    return issued;
  }
}
