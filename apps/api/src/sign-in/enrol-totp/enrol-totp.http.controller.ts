import { Controller, Header, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentSession, OwnSession, SecondFactorService, SignedInSession } from '@app/auth';
import { ApiProblems } from '../../http/openapi.decorators';
import { TotpEnrolmentResponseDto } from './totp-enrolment.response.dto';

@ApiTags('auth')
@Controller('auth/totp')
export class EnrolTotpHttpController {
  constructor(private readonly secondFactor: SecondFactorService) {}

  @Post('enrol')
  @OwnSession({ duringEnrolment: true })
  @HttpCode(HttpStatus.OK)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Start enrolling an authenticator app (TOTP): a new secret, pending until confirmed',
    description: '409 once one is enrolled: only an admin reset of your sign-in replaces it.',
  })
  @ApiOkResponse({ type: TotpEnrolmentResponseDto })
  @ApiProblems(409)
  enrol(@CurrentSession() session: SignedInSession): Promise<TotpEnrolmentResponseDto> {
    return this.secondFactor.enrol(session);
  }
}
