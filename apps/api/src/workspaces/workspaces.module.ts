import { Module } from '@nestjs/common';
import { AuthModule } from '@app/auth';
import { CreateUserHttpController } from './create-user/create-user.http.controller';
import { CreateWorkspaceHttpController } from './create-workspace/create-workspace.http.controller';
import { ListUsersHttpController } from './list-users/list-users.http.controller';

/** Workspaces and their users (the tenants of the deployment). */
@Module({
  imports: [AuthModule],
  controllers: [CreateWorkspaceHttpController, CreateUserHttpController, ListUsersHttpController],
})
export class WorkspacesModule {}
