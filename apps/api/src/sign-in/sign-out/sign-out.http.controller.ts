import { Controller, HttpCode, HttpStatus, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentSession, OwnSession, SignedInSession } from '@app/auth';
import { clearSessionCookie, SignInRequest, SignInResponse } from '../session-http';
import { SignOutCommand } from './sign-out.command';

@ApiTags('auth')
@Controller('auth')
export class SignOutHttpController {
  constructor(private readonly commandBus: CommandBus) {}

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
    await this.commandBus.execute(new SignOutCommand(session));
    clearSessionCookie(request, response);
  }
}
