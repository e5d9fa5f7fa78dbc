import { Controller, Header, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Actor } from '@app/application';
import { CurrentActor, Roles } from '@app/auth';
import { IssuedInvitationResponseDto } from '../../invitations/invitation.response.dto';
import { ApiProblems } from '../../http/openapi.decorators';
import { UuidParamPipe } from '../../http/uuid-param.pipe';
import { WorkspaceIdParam } from '../workspace-scope';
import { ResetSignInCommand } from './reset-sign-in.command';

@ApiTags('workspaces')
@Controller('workspaces')
export class ResetSignInHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/users/:userId/reset-sign-in')
  @Roles('admin')
  @HttpCode(HttpStatus.CREATED)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary:
      "Reset a user's sign-in: a new invitation link; the old password and sessions stop at once",
    description:
      'The second factor and recovery codes are cleared too (a lost or seized phone) and a ' +
      'disabled user is enabled again. API tokens are left as they are.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiParam({ name: 'userId', format: 'uuid' })
  @ApiCreatedResponse({ type: IssuedInvitationResponseDto })
  @ApiProblems(400, 404)
  reset(
    @WorkspaceIdParam() workspaceId: string,
    @Param('userId', UuidParamPipe) userId: string,
    @CurrentActor() actor: Actor,
  ): Promise<IssuedInvitationResponseDto> {
    return this.commandBus.execute(new ResetSignInCommand(workspaceId, userId, actor));
  }
}
