import { Command } from '@nestjs/cqrs';
import { Actor } from '@app/application';
import { WorkspacePublicityResponseDto } from './workspace-publicity.response.dto';

export class SetWorkspacePublicCommand extends Command<WorkspacePublicityResponseDto> {
  constructor(
    readonly workspaceId: string,
    readonly enabled: boolean,
    readonly actor: Actor,
  ) {
    super();
  }
}
