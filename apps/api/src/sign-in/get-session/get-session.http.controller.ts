import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentSession, OwnSession, SignedInSession } from '@app/auth';
import { SessionResponseDto, toSessionResponse } from '../session.response.dto';

@ApiTags('auth')
@Controller('auth')
export class GetSessionHttpController {
  @Get('session')
  @OwnSession({ duringEnrolment: true })
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'The signed-in session: who, which workspace and role, its CSRF token',
    description: '401 when the cookie is missing or the session has ended.',
  })
  @ApiOkResponse({ type: SessionResponseDto })
  get(@CurrentSession() session: SignedInSession): SessionResponseDto {
    return toSessionResponse(session);
  }
}
