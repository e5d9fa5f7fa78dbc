import { Command } from '@nestjs/cqrs';
import { ClientInfo, Credentials } from '@app/auth';
import { NewSession } from '../session-http';

export class SignInCommand extends Command<NewSession> {
  constructor(
    readonly credentials: Credentials,
    readonly client: ClientInfo,
  ) {
    super();
  }
}
