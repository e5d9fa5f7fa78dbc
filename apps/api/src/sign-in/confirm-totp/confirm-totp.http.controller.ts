import { Body, Controller, Header, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentSession, OwnSession, SignedInSession } from '@app/auth';
import { ApiProblems } from '../../http/openapi.decorators';
import { ConfirmTotpCommand } from './confirm-totp.command';
import { ConfirmTotpRequestDto } from './confirm-totp.request.dto';
import { RecoveryCodesResponseDto } from './recovery-codes.response.dto';

@ApiTags('auth')
@Controller('auth/totp')
export class ConfirmTotpHttpController {
  constructor(private readonly commandBus: CommandBus) {}

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
    return this.commandBus.execute(new ConfirmTotpCommand(session, body.code));
  }
}
