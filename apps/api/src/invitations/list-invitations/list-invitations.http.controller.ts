import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Actor } from '@app/application';
import { CurrentActor, InvitationService, Roles } from '@app/auth';
import { ApiProblems } from '../../http/openapi.decorators';
import { assertOwnWorkspace, WorkspaceIdParam } from '../../workspaces/workspace-scope';
import { InvitationListResponseDto } from '../invitation.response.dto';

@ApiTags('invitations')
@Controller('workspaces')
export class ListInvitationsHttpController {
  constructor(private readonly invitations: InvitationService) {}

  @Get(':id/invitations')
  @Roles('admin')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: "Your workspace's invitations and their state (never a link)" })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: InvitationListResponseDto })
  @ApiProblems(400, 404)
  async list(
    @WorkspaceIdParam() workspaceId: string,
    @CurrentActor() actor: Actor,
  ): Promise<InvitationListResponseDto> {
    assertOwnWorkspace(actor, workspaceId);
    return { invitations: await this.invitations.list(workspaceId) };
  }
}
