import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { assertOwnWorkspace } from '../../workspaces/workspace-scope';
import { WorkspaceTags } from '../workspace-tags';
import { WorkspaceTagsResponseDto } from '../workspace-tags.response.dto';
import { ListWorkspaceTagsQuery } from './list-workspace-tags.query';

@QueryHandler(ListWorkspaceTagsQuery)
export class ListWorkspaceTagsHandler implements IQueryHandler<ListWorkspaceTagsQuery> {
  constructor(private readonly tags: WorkspaceTags) {}

  async execute({ workspaceId, actor }: ListWorkspaceTagsQuery): Promise<WorkspaceTagsResponseDto> {
    assertOwnWorkspace(actor, workspaceId);
    return { workspaceId, tags: await this.tags.list(workspaceId) };
  }
}
