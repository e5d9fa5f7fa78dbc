import { Module } from '@nestjs/common';
import { AuthModule } from '@app/auth';
import { CreateUserHandler } from './create-user/create-user.handler';
import { CreateUserHttpController } from './create-user/create-user.http.controller';
import { CreateWorkspaceHandler } from './create-workspace/create-workspace.handler';
import { CreateWorkspaceHttpController } from './create-workspace/create-workspace.http.controller';
import { DisableUserHandler } from './disable-user/disable-user.handler';
import { DisableUserHttpController } from './disable-user/disable-user.http.controller';
import { ListUsersHandler } from './list-users/list-users.handler';
import { ListUsersHttpController } from './list-users/list-users.http.controller';
import { ResetSignInHandler } from './reset-sign-in/reset-sign-in.handler';
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
  providers: [
    CreateWorkspaceHandler,
    CreateUserHandler,
    ListUsersHandler,
    DisableUserHandler,
    ResetSignInHandler,
  ],
})
export class WorkspacesModule {}
