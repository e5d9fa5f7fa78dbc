import { Command } from '@nestjs/cqrs';
import { CreateWorkspaceResponseDto } from './create-workspace.response.dto';

export class CreateWorkspaceCommand extends Command<CreateWorkspaceResponseDto> {
  constructor(readonly name: string) {
    super();
  }
}
