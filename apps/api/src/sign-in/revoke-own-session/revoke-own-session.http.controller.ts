import { Controller, Delete, HttpCode, HttpStatus, Param } from '@nestjs/common';
import { ApiNoContentResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CurrentSession, OwnSession, SessionService, SignedInSession } from '@app/auth';
import { DomainError } from '@app/domain';
import { ApiProblems } from '../../http/openapi.decorators';
import { UuidParamPipe } from '../../http/uuid-param.pipe';

@ApiTags('auth')
@Controller('auth')
export class RevokeOwnSessionHttpController {
  constructor(private readonly sessions: SessionService) {}

  @Delete('sessions/:id')
  @OwnSession()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    summary: 'End one of your sessions (another device): it stops at its next request',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiNoContentResponse({ description: 'Ended' })
  @ApiProblems(400, 404)
  async revoke(
    @Param('id', UuidParamPipe) sessionId: string,
    @CurrentSession() session: SignedInSession,
  ): Promise<void> {
    if (!(await this.sessions.revoke(sessionId, { userId: session.userId }))) {
      throw new DomainError(
        'not_found',
        'session_not_found',
        'no live session of yours with this id',
      );
    }
  }
}
