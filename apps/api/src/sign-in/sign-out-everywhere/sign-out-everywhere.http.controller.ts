import { Controller, HttpCode, HttpStatus, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentSession, OwnSession, SignedInSession } from '@app/auth';
import { clearSessionCookie, SignInRequest, SignInResponse } from '../session-http';
import { SignOutEverywhereCommand } from './sign-out-everywhere.command';

@ApiTags('auth')
@Controller('auth')
export class SignOutEverywhereHttpController {
  constructor(private readonly commandBus: CommandBus) {}

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
    await this.commandBus.execute(new SignOutEverywhereCommand(session));
    clearSessionCookie(request, response);
  }
}
