import { Controller, HttpCode, HttpStatus, Post, Req, Res } from '@nestjs/common';
import { ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditLog, CurrentSession, OwnSession, SessionService, SignedInSession } from '@app/auth';
import { clearSessionCookie, SignInRequest, SignInResponse } from '../session-http';

@ApiTags('auth')
@Controller('auth')
export class SignOutHttpController {
  constructor(
    private readonly sessions: SessionService,
    private readonly audit: AuditLog,
  ) {}

  @Post('sign-out')
  @OwnSession({ duringEnrolment: true })
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Sign out: this session ends and its cookie is cleared' })
  @ApiNoContentResponse({ description: 'Signed out' })
  async signOut(
    @CurrentSession() session: SignedInSession,
    @Req() request: SignInRequest,
    @Res({ passthrough: true }) response: SignInResponse,
  ): Promise<void> {
    await this.sessions.revoke(session.sessionId, { userId: session.userId });
    clearSessionCookie(request, response);
    await this.audit.recordBy(session, 'sign-out', HttpStatus.NO_CONTENT, session.sessionId);
  }
}
