import { Command } from '@nestjs/cqrs';
import { SignedInSession } from '@app/auth';

/** Ends every session of the person, this one included (the controller clears its cookie). */
export class SignOutEverywhereCommand extends Command<void> {
  constructor(readonly session: SignedInSession) {
    super();
  }
}
