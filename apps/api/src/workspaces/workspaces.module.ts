import { Module } from '@nestjs/common';
import { AuthModule } from '@app/auth';
import { CreateUserHttpController } from './create-user/create-user.http.controller';
import { CreateWorkspaceHttpController } from './create-workspace/create-workspace.http.controller';
import { DisableUserHttpController } from './disable-user/disable-user.http.controller';
import { ListUsersHttpController } from './list-users/list-users.http.controller';
import { ResetSignInHttpController } from './reset-sign-in/reset-sign-in.http.controller';

/** Workspaces and their users (the tenants of the deployment). */
@Module({
  imports: [AuthModule],
  controllers: [
    CreateWorkspaceHttpController,
    CreateUserHttpController,
    ListUsersHttpController,
    DisableUserHttpController,
    ResetSignInHttpController,
  ],
})
export class WorkspacesModule {}
