import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { SecondFactorService } from '@app/auth';
import { EnrolTotpCommand } from './enrol-totp.command';
import { TotpEnrolmentResponseDto } from './totp-enrolment.response.dto';

@CommandHandler(EnrolTotpCommand)
export class EnrolTotpHandler implements ICommandHandler<EnrolTotpCommand> {
  constructor(private readonly secondFactor: SecondFactorService) {}

  execute({ session }: EnrolTotpCommand): Promise<TotpEnrolmentResponseDto> {
    return this.secondFactor.enrol(session);
  }
}
