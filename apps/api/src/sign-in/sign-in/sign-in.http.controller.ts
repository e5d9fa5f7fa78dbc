import { Body, Controller, HttpCode, HttpStatus, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { AuthenticationResponseJSON } from '@simplewebauthn/server';
import { Public, SignInProblem } from '@app/auth';
import { ApiProblems } from '../../http/openapi.decorators';
import { clientInfo, SignInRequest, SignInResponse, startSession } from '../session-http';
import { SessionResponseDto } from '../session.response.dto';
import { SignInCommand } from './sign-in.command';
import { SignInRequestDto } from './sign-in.request.dto';

@ApiTags('auth')
@Controller('auth')
export class SignInHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post('sign-in')
  @Public()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      'Sign in with a sign-in name and password (and a code once a second factor is enrolled)',
    description:
      'Sets the session cookie `rl_session` (HttpOnly, SameSite=Strict, Secure but on plain ' +
      'http to localhost). 401 for a wrong name or password; 401 with `secondFactorRequired: ' +
      'true` when the password is right and a code is needed or wrong (with `passkeyOptions` ' +
      'when the person has a passkey, for `passkey` in the next attempt); 429 with `retryAfterMs` ' +
      'and Retry-After after repeated failures (the account from that address waits longer after ' +
      'each, and is locked out after ten).',
  })
  @ApiOkResponse({ type: SessionResponseDto })
  @ApiResponse({ status: 401, description: 'Wrong credentials, or a second factor needed.' })
  @ApiResponse({ status: 429, description: 'Too many failures: wait `retryAfterMs`.' })
  @ApiProblems(400)
  async create(
    @Body() body: SignInRequestDto,
    @Req() request: SignInRequest,
    @Res({ passthrough: true }) response: SignInResponse,
  ): Promise<SessionResponseDto> {
    try {
      const created = await this.commandBus.execute(
        new SignInCommand(
          { ...body, passkey: body.passkey as AuthenticationResponseJSON | undefined },
          clientInfo(request),
        ),
      );
      return startSession(request, response, created);
    } catch (error) {
      const wait = error instanceof SignInProblem ? error.extensions.retryAfterMs : undefined;
      if (typeof wait === 'number')
        response.setHeader('Retry-After', String(Math.ceil(wait / 1000)));
      throw error;
    }
  }
}
