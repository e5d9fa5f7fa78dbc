import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { WorkspaceDirectory } from '@app/auth';
import { CreateWorkspaceCommand } from './create-workspace.command';
import { CreateWorkspaceResponseDto } from './create-workspace.response.dto';

/** A workspace with its first admin and that admin's token (the deployment admin's route). */
@CommandHandler(CreateWorkspaceCommand)
export class CreateWorkspaceHandler implements ICommandHandler<CreateWorkspaceCommand> {
  constructor(private readonly directory: WorkspaceDirectory) {}

  execute({ name }: CreateWorkspaceCommand): Promise<CreateWorkspaceResponseDto> {
    return this.directory.createWorkspace(name);
  }
}
