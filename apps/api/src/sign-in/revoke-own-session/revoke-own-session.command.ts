import { Command } from '@nestjs/cqrs';
import { SignedInSession } from '@app/auth';

export class RevokeOwnSessionCommand extends Command<void> {
  constructor(
    readonly sessionId: string,
    readonly session: SignedInSession,
  ) {
    super();
  }
}
