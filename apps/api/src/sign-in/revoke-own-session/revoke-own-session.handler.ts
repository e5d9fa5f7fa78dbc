import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { SessionService } from '@app/auth';
import { DomainError } from '@app/domain';
import { RevokeOwnSessionCommand } from './revoke-own-session.command';

@CommandHandler(RevokeOwnSessionCommand)
export class RevokeOwnSessionHandler implements ICommandHandler<RevokeOwnSessionCommand> {
  constructor(private readonly sessions: SessionService) {}

  async execute({ sessionId, session }: RevokeOwnSessionCommand): Promise<void> {
    if (!(await this.sessions.revoke(sessionId, { userId: session.userId }))) {
      throw new DomainError(
        'not_found',
        'session_not_found',
        'no live session of yours with this id',
      );
    }
  }
}
