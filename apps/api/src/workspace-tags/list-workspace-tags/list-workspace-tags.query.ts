import { Query } from '@nestjs/cqrs';
import { Actor } from '@app/application';
import { WorkspaceTagsResponseDto } from '../workspace-tags.response.dto';

export class ListWorkspaceTagsQuery extends Query<WorkspaceTagsResponseDto> {
  constructor(
    readonly workspaceId: string,
    readonly actor: Actor,
  ) {
    super();
  }
}
