import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { WorkspaceDirectory } from '@app/auth';
import { ValidationException } from '@app/application/validation.exception';
import { assertOwnWorkspace } from '../workspace-scope';
import { CreateUserCommand } from './create-user.command';
import { CreateUserResponseDto } from './create-user.response.dto';

@CommandHandler(CreateUserCommand)
export class CreateUserHandler implements ICommandHandler<CreateUserCommand> {
  constructor(private readonly directory: WorkspaceDirectory) {}

  execute({ workspaceId, user, actor }: CreateUserCommand): Promise<CreateUserResponseDto> {
    assertOwnWorkspace(actor, workspaceId);
    // After the workspace check: another workspace's id is a 404 whatever the body says.
    if (user.expiresAt !== undefined && !(user.expiresAt.getTime() > Date.now())) {
      throw new ValidationException([{ field: 'expiresAt', message: 'must be in the future' }]);
    }
    return this.directory.createUser(workspaceId, user);
  }
}
