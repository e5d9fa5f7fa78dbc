import { Command } from '@nestjs/cqrs';
import { SignedInSession } from '@app/auth';

/** Ends this session (the controller clears its cookie). */
export class SignOutCommand extends Command<void> {
  constructor(readonly session: SignedInSession) {
    super();
  }
}
