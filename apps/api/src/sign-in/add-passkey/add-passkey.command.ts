import { Command } from '@nestjs/cqrs';
import type { RegistrationResponseJSON } from '@simplewebauthn/server';
import { SignedInSession } from '@app/auth';
import { PasskeyAddedResponseDto, PasskeyOptionsResponseDto } from './passkey.dto';

/** A one-use challenge for the browser, kept 5 minutes. */
export class PasskeyOptionsCommand extends Command<PasskeyOptionsResponseDto> {
  constructor(readonly session: SignedInSession) {
    super();
  }
}

/** The browser's answer to the challenge: the passkey is kept. */
export class AddPasskeyCommand extends Command<PasskeyAddedResponseDto> {
  constructor(
    readonly session: SignedInSession,
    readonly response: RegistrationResponseJSON,
  ) {
    super();
  }
}
