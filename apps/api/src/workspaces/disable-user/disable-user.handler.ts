import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UserAccessService } from '@app/auth';
import { assertOwnWorkspace } from '../workspace-scope';
import { DisableUserCommand } from './disable-user.command';

@CommandHandler(DisableUserCommand)
export class DisableUserHandler implements ICommandHandler<DisableUserCommand> {
  constructor(private readonly access: UserAccessService) {}

  async execute({ workspaceId, userId, actor }: DisableUserCommand): Promise<void> {
    assertOwnWorkspace(actor, workspaceId);
    await this.access.disable(actor, userId);
  }
}
