import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { assertOwnWorkspace } from '../../workspaces/workspace-scope';
import { WorkspaceTags } from '../workspace-tags';
import { WorkspaceTagsResponseDto } from '../workspace-tags.response.dto';
import { SetWorkspaceTagsCommand } from './set-workspace-tags.command';

@CommandHandler(SetWorkspaceTagsCommand)
export class SetWorkspaceTagsHandler implements ICommandHandler<SetWorkspaceTagsCommand> {
  constructor(private readonly tags: WorkspaceTags) {}

  async execute({
    workspaceId,
    tags,
    actor,
  }: SetWorkspaceTagsCommand): Promise<WorkspaceTagsResponseDto> {
    assertOwnWorkspace(actor, workspaceId);
    await this.tags.replace(workspaceId, tags);
    // The list as stored: duplicates folded, sorted.
    return { workspaceId, tags: await this.tags.list(workspaceId) };
  }
}
