import { Body, Controller, Header, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentSession, OwnSession, SecondFactorService, SignedInSession } from '@app/auth';
import { ApiProblems } from '../../http/openapi.decorators';
import { ConfirmTotpRequestDto } from './confirm-totp.request.dto';
import { RecoveryCodesResponseDto } from './recovery-codes.response.dto';

@ApiTags('auth')
@Controller('auth/totp')
export class ConfirmTotpHttpController {
  constructor(private readonly secondFactor: SecondFactorService) {}

  @Post('confirm')
  @OwnSession({ duringEnrolment: true })
  @HttpCode(HttpStatus.OK)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary:
      'Confirm the authenticator app with its current code; returns ten recovery codes, once',
  })
  @ApiOkResponse({ type: RecoveryCodesResponseDto })
  @ApiProblems(400, 409)
  confirm(
    @Body() body: ConfirmTotpRequestDto,
    @CurrentSession() session: SignedInSession,
  ): Promise<RecoveryCodesResponseDto> {
    return this.secondFactor.confirm(session, body.code);
  }
}
