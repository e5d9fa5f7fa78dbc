import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { InvitationService } from '@app/auth';
import { NewSession } from '../../sign-in/session-http';
import { AcceptInvitationCommand } from './accept-invitation.command';

@CommandHandler(AcceptInvitationCommand)
export class AcceptInvitationHandler implements ICommandHandler<AcceptInvitationCommand> {
  constructor(private readonly invitations: InvitationService) {}

  execute({ code, chosen, client }: AcceptInvitationCommand): Promise<NewSession> {
    return this.invitations.accept(code, { ...chosen }, client);
  }
}
