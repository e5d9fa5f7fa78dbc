import { Body, Controller, Header, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Actor } from '@app/application';
import { CurrentActor, InvitationService, Roles } from '@app/auth';
import { ApiProblems } from '../../http/openapi.decorators';
import { assertOwnWorkspace, WorkspaceIdParam } from '../../workspaces/workspace-scope';
import { IssuedInvitationResponseDto } from '../invitation.response.dto';
import { CreateInvitationRequestDto } from './create-invitation.request.dto';

@ApiTags('invitations')
@Controller('workspaces')
export class CreateInvitationHttpController {
  constructor(private readonly invitations: InvitationService) {}

  @Post(':id/invitations')
  @Roles('admin')
  @HttpCode(HttpStatus.CREATED)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Invite a person to your workspace: a one-use link (7 days), shown once',
    description:
      'No e-mail is sent: pass the link on by a channel your NGO trusts. At the link the ' +
      'person chooses a sign-in name and a password.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiCreatedResponse({ type: IssuedInvitationResponseDto })
  @ApiProblems(400, 404)
  create(
    @WorkspaceIdParam() workspaceId: string,
    @Body() body: CreateInvitationRequestDto,
    @CurrentActor() actor: Actor,
  ): Promise<IssuedInvitationResponseDto> {
    assertOwnWorkspace(actor, workspaceId);
    return this.invitations.create(workspaceId, body, actor.userId);
  }
}
