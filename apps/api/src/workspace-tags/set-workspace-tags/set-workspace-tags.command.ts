import { Command } from '@nestjs/cqrs';
import { Actor } from '@app/application';
import { WorkspaceTagsResponseDto } from '../workspace-tags.response.dto';

export class SetWorkspaceTagsCommand extends Command<WorkspaceTagsResponseDto> {
  constructor(
    readonly workspaceId: string,
    readonly tags: readonly string[],
    readonly actor: Actor,
  ) {
    super();
  }
}
