import { Query } from '@nestjs/cqrs';
import { Actor } from '@app/application';
import { WorkspacePublicityResponseDto } from '../set-workspace-public/workspace-publicity.response.dto';

export class GetWorkspacePublicQuery extends Query<WorkspacePublicityResponseDto> {
  constructor(
    readonly workspaceId: string,
    readonly actor: Actor,
  ) {
    super();
  }
}
