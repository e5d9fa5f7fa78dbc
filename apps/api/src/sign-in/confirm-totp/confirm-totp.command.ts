import { Command } from '@nestjs/cqrs';
import { SignedInSession } from '@app/auth';
import { RecoveryCodesResponseDto } from './recovery-codes.response.dto';

export class ConfirmTotpCommand extends Command<RecoveryCodesResponseDto> {
  constructor(
    readonly session: SignedInSession,
    readonly code: string,
  ) {
    super();
  }
}
