import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { SessionService } from '@app/auth';
import { DomainError } from '@app/domain';
import { assertOwnWorkspace } from '../../workspaces/workspace-scope';
import { RevokeWorkspaceSessionCommand } from './revoke-workspace-session.command';

@CommandHandler(RevokeWorkspaceSessionCommand)
export class RevokeWorkspaceSessionHandler implements ICommandHandler<RevokeWorkspaceSessionCommand> {
  constructor(private readonly sessions: SessionService) {}

  async execute({ workspaceId, sessionId, actor }: RevokeWorkspaceSessionCommand): Promise<void> {
    assertOwnWorkspace(actor, workspaceId);
    if (!(await this.sessions.revoke(sessionId, { workspaceId }))) {
      throw new DomainError('not_found', 'session_not_found', 'no live session with this id');
    }
  }
}
