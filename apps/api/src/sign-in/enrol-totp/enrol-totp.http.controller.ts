import { Controller, Header, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentSession, OwnSession, SignedInSession } from '@app/auth';
import { ApiProblems } from '../../http/openapi.decorators';
import { EnrolTotpCommand } from './enrol-totp.command';
import { TotpEnrolmentResponseDto } from './totp-enrolment.response.dto';

@ApiTags('auth')
@Controller('auth/totp')
export class EnrolTotpHttpController {
  constructor(private readonly commandBus: CommandBus) {}

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
    return this.commandBus.execute(new EnrolTotpCommand(session));
  }
}
