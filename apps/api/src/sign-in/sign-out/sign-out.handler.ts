import { HttpStatus } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AuditLog, SessionService } from '@app/auth';
import { SignOutCommand } from './sign-out.command';

@CommandHandler(SignOutCommand)
export class SignOutHandler implements ICommandHandler<SignOutCommand> {
  constructor(
    private readonly sessions: SessionService,
    private readonly audit: AuditLog,
  ) {}

  async execute({ session }: SignOutCommand): Promise<void> {
    await this.sessions.revoke(session.sessionId, { userId: session.userId });
    await this.audit.recordBy(session, 'sign-out', HttpStatus.NO_CONTENT, session.sessionId);
  }
}
