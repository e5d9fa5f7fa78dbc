import { Command } from '@nestjs/cqrs';
import { ClientInfo } from '@app/auth';
import { NewSession } from '../../sign-in/session-http';

/** The person chooses a sign-in name and password and is signed in: a new session. */
export class AcceptInvitationCommand extends Command<NewSession> {
  constructor(
    readonly code: string,
    readonly chosen: { readonly login: string; readonly password: string },
    readonly client: ClientInfo,
  ) {
    super();
  }
}
