import { Body, Controller, HttpCode, HttpStatus, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '@app/auth';
import { ApiProblems } from '../../http/openapi.decorators';
import {
  clientInfo,
  SignInRequest,
  SignInResponse,
  startSession,
} from '../../sign-in/session-http';
import { SessionResponseDto } from '../../sign-in/session.response.dto';
import { InvitationCodePipe } from '../invitation-code.pipe';
import { AcceptInvitationCommand } from './accept-invitation.command';
import { AcceptInvitationRequestDto } from './accept-invitation.request.dto';

@ApiTags('invitations')
@Controller('invitations')
export class AcceptInvitationHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':code/accept')
  @Public()
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({
    summary: 'Accept an invitation: choose a sign-in name and password, and be signed in',
    description:
      'Sets the session cookie. Where the workspace requires a second factor for the role, the ' +
      'session reaches only the enrolment routes until an authenticator app is enrolled.',
  })
  @ApiParam({ name: 'code', description: 'The `code` of the invitation link.' })
  @ApiCreatedResponse({ type: SessionResponseDto })
  @ApiResponse({ status: 410, description: 'The invitation was used, revoked or has expired.' })
  @ApiProblems(400, 404, 409)
  async accept(
    @Param('code', InvitationCodePipe) code: string,
    @Body() body: AcceptInvitationRequestDto,
    @Req() request: SignInRequest,
    @Res({ passthrough: true }) response: SignInResponse,
  ): Promise<SessionResponseDto> {
    const created = await this.commandBus.execute(
      new AcceptInvitationCommand(
        code,
        { login: body.login, password: body.password },
        clientInfo(request),
      ),
    );
    return startSession(request, response, created);
  }
}
