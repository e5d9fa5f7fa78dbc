import { Command } from '@nestjs/cqrs';
import { SignedInSession } from '@app/auth';
import { TotpEnrolmentResponseDto } from './totp-enrolment.response.dto';

export class EnrolTotpCommand extends Command<TotpEnrolmentResponseDto> {
  constructor(readonly session: SignedInSession) {
    super();
  }
}
