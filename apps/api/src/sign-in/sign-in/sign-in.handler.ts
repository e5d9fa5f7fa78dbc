import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { SignInService } from '@app/auth';
import { NewSession } from '../session-http';
import { SignInCommand } from './sign-in.command';

@CommandHandler(SignInCommand)
export class SignInHandler implements ICommandHandler<SignInCommand> {
  constructor(private readonly signIn: SignInService) {}

  execute({ credentials, client }: SignInCommand): Promise<NewSession> {
    return this.signIn.signIn(credentials, client);
  }
}
