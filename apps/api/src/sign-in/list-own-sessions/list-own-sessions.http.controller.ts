import { Controller, Get, Header } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentSession, OwnSession, SignedInSession } from '@app/auth';
import { SessionListResponseDto } from '../session-list.response.dto';
import { ListOwnSessionsQuery } from './list-own-sessions.query';

@ApiTags('auth')
@Controller('auth')
export class ListOwnSessionsHttpController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get('sessions')
  @OwnSession()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Your live sessions (devices signed in), newest first' })
  @ApiOkResponse({ type: SessionListResponseDto })
  list(@CurrentSession() session: SignedInSession): Promise<SessionListResponseDto> {
    return this.queryBus.execute(new ListOwnSessionsQuery(session));
  }
}
