import { Body, Controller, Header, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { RegistrationResponseJSON } from '@simplewebauthn/server';
import { CurrentSession, OwnSession, SignedInSession } from '@app/auth';
import { ApiProblems } from '../../http/openapi.decorators';
import { AddPasskeyCommand, PasskeyOptionsCommand } from './add-passkey.command';
import {
  AddPasskeyRequestDto,
  PasskeyAddedResponseDto,
  PasskeyOptionsResponseDto,
} from './passkey.dto';

@ApiTags('auth')
@Controller('auth/passkeys')
export class AddPasskeyHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post('options')
  @OwnSession()
  @HttpCode(HttpStatus.OK)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Start adding a passkey (WebAuthn) as a second kind of second factor',
    description:
      'For the browser: pass the answer to navigator.credentials.create, then send its result to ' +
      'POST /auth/passkeys. 409 until an authenticator app is enrolled (the passkey is added ' +
      'beside it). At sign-in, a right password without a code answers `passkeyOptions`.',
  })
  @ApiOkResponse({ type: PasskeyOptionsResponseDto })
  @ApiProblems(409)
  options(@CurrentSession() session: SignedInSession): Promise<PasskeyOptionsResponseDto> {
    return this.commandBus.execute(new PasskeyOptionsCommand(session));
  }

  @Post()
  @OwnSession()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: "Keep a passkey: the browser's answer to the options" })
  @ApiCreatedResponse({ type: PasskeyAddedResponseDto })
  @ApiProblems(400)
  add(
    @Body() body: AddPasskeyRequestDto,
    @CurrentSession() session: SignedInSession,
  ): Promise<PasskeyAddedResponseDto> {
    return this.commandBus.execute(
      new AddPasskeyCommand(session, body.response as unknown as RegistrationResponseJSON),
    );
  }
}
