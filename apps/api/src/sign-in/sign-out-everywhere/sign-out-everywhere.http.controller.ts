import { Controller, HttpCode, HttpStatus, Post, Req, Res } from '@nestjs/common';
import { ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditLog, CurrentSession, OwnSession, SessionService, SignedInSession } from '@app/auth';
import { clearSessionCookie, SignInRequest, SignInResponse } from '../session-http';

@ApiTags('auth')
@Controller('auth')
export class SignOutEverywhereHttpController {
  constructor(
    private readonly sessions: SessionService,
    private readonly audit: AuditLog,
  ) {}

  @Post('sign-out-everywhere')
  @OwnSession({ duringEnrolment: true })
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    summary: 'Sign out everywhere: every session of yours ends, this one included',
    description: 'A session on a lost or seized device stops at its next request.',
  })
  @ApiNoContentResponse({ description: 'Every session ended' })
  async signOutEverywhere(
    @CurrentSession() session: SignedInSession,
    @Req() request: SignInRequest,
    @Res({ passthrough: true }) response: SignInResponse,
  ): Promise<void> {
    await this.sessions.revokeAll(session.userId);
    clearSessionCookie(request, response);
    await this.audit.recordBy(session, 'sign-out everywhere', HttpStatus.NO_CONTENT);
  }
}
