import { Body, Controller, Header, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Actor } from '@app/application';
import { CurrentActor, Roles } from '@app/auth';
import { ApiProblems } from '../../http/openapi.decorators';
import { WorkspaceIdParam } from '../../workspaces/workspace-scope';
import { IssuedInvitationResponseDto } from '../invitation.response.dto';
import { CreateInvitationCommand } from './create-invitation.command';
import { CreateInvitationRequestDto } from './create-invitation.request.dto';

@ApiTags('invitations')
@Controller('workspaces')
export class CreateInvitationHttpController {
  constructor(private readonly commandBus: CommandBus) {}

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
    return this.commandBus.execute(
      new CreateInvitationCommand(workspaceId, { name: body.name, role: body.role }, actor),
    );
  }
}
