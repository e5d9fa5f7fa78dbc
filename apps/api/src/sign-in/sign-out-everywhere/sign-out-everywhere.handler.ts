import { HttpStatus } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AuditLog, SessionService } from '@app/auth';
import { SignOutEverywhereCommand } from './sign-out-everywhere.command';

@CommandHandler(SignOutEverywhereCommand)
export class SignOutEverywhereHandler implements ICommandHandler<SignOutEverywhereCommand> {
  constructor(
    private readonly sessions: SessionService,
    private readonly audit: AuditLog,
  ) {}

  async execute({ session }: SignOutEverywhereCommand): Promise<void> {
    await this.sessions.revokeAll(session.userId);
    await this.audit.recordBy(session, 'sign-out everywhere', HttpStatus.NO_CONTENT);
  }
}
