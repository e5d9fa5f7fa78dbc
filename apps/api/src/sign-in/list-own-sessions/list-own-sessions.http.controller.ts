import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentSession, OwnSession, SessionService, SignedInSession } from '@app/auth';
import { SessionListResponseDto } from '../session-list.response.dto';

@ApiTags('auth')
@Controller('auth')
export class ListOwnSessionsHttpController {
  constructor(private readonly sessions: SessionService) {}

  @Get('sessions')
  @OwnSession()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Your live sessions (devices signed in), newest first' })
  @ApiOkResponse({ type: SessionListResponseDto })
  async list(@CurrentSession() session: SignedInSession): Promise<SessionListResponseDto> {
    const sessions = await this.sessions.list({ userId: session.userId });
    return { sessions: sessions.map((s) => ({ ...s, current: s.id === session.sessionId })) };
  }
}
