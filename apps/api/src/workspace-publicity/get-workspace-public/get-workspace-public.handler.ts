import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { assertOwnWorkspace } from '../../workspaces/workspace-scope';
import { WorkspacePublicity } from '../workspace-publicity';
import { WorkspacePublicityResponseDto } from '../set-workspace-public/workspace-publicity.response.dto';
import { GetWorkspacePublicQuery } from './get-workspace-public.query';

@QueryHandler(GetWorkspacePublicQuery)
export class GetWorkspacePublicHandler implements IQueryHandler<GetWorkspacePublicQuery> {
  constructor(private readonly publicity: WorkspacePublicity) {}

  async execute({
    workspaceId,
    actor,
  }: GetWorkspacePublicQuery): Promise<WorkspacePublicityResponseDto> {
    assertOwnWorkspace(actor, workspaceId);
    return { workspaceId, enabled: await this.publicity.isPublic(workspaceId) };
  }
}
