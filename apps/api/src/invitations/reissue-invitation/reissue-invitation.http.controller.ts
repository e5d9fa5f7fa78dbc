import { Controller, Header, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Actor } from '@app/application';
import { CurrentActor, Roles } from '@app/auth';
import { ApiProblems } from '../../http/openapi.decorators';
import { UuidParamPipe } from '../../http/uuid-param.pipe';
import { WorkspaceIdParam } from '../../workspaces/workspace-scope';
import { IssuedInvitationResponseDto } from '../invitation.response.dto';
import { ReissueInvitationCommand } from './reissue-invitation.command';

@ApiTags('invitations')
@Controller('workspaces')
export class ReissueInvitationHttpController {
  constructor(private readonly commandBus: CommandBus) {}

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
  reissue(
    @WorkspaceIdParam() workspaceId: string,
    @Param('invitationId', UuidParamPipe) invitationId: string,
    @CurrentActor() actor: Actor,
  ): Promise<IssuedInvitationResponseDto> {
    return this.commandBus.execute(new ReissueInvitationCommand(workspaceId, invitationId, actor));
  }
}
