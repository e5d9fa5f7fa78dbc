import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { SecondFactorService } from '@app/auth';
import { ConfirmTotpCommand } from './confirm-totp.command';
import { RecoveryCodesResponseDto } from './recovery-codes.response.dto';

@CommandHandler(ConfirmTotpCommand)
export class ConfirmTotpHandler implements ICommandHandler<ConfirmTotpCommand> {
  constructor(private readonly secondFactor: SecondFactorService) {}

  execute({ session, code }: ConfirmTotpCommand): Promise<RecoveryCodesResponseDto> {
    return this.secondFactor.confirm(session, code);
  }
}
