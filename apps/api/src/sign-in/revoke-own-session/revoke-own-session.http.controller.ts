import { Controller, Delete, HttpCode, HttpStatus, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiNoContentResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CurrentSession, OwnSession, SignedInSession } from '@app/auth';
import { ApiProblems } from '../../http/openapi.decorators';
import { UuidParamPipe } from '../../http/uuid-param.pipe';
import { RevokeOwnSessionCommand } from './revoke-own-session.command';

@ApiTags('auth')
@Controller('auth')
export class RevokeOwnSessionHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Delete('sessions/:id')
  @OwnSession()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    summary: 'End one of your sessions (another device): it stops at its next request',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiNoContentResponse({ description: 'Ended' })
  @ApiProblems(400, 404)
  revoke(
    @Param('id', UuidParamPipe) sessionId: string,
    @CurrentSession() session: SignedInSession,
  ): Promise<void> {
    return this.commandBus.execute(new RevokeOwnSessionCommand(sessionId, session));
  }
}
