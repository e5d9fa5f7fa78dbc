import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { assertOwnWorkspace } from '../../workspaces/workspace-scope';
import { WorkspacePublicity } from '../workspace-publicity';
import { SetWorkspacePublicCommand } from './set-workspace-public.command';
import { WorkspacePublicityResponseDto } from './workspace-publicity.response.dto';

@CommandHandler(SetWorkspacePublicCommand)
export class SetWorkspacePublicHandler implements ICommandHandler<SetWorkspacePublicCommand> {
  constructor(private readonly publicity: WorkspacePublicity) {}

  async execute({
    workspaceId,
    enabled,
    actor,
  }: SetWorkspacePublicCommand): Promise<WorkspacePublicityResponseDto> {
    assertOwnWorkspace(actor, workspaceId);
    await this.publicity.set(workspaceId, enabled, actor.userId);
    return { workspaceId, enabled };
  }
}
