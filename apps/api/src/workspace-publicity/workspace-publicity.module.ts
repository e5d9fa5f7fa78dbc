import { Module } from '@nestjs/common';
import { GetWorkspacePublicHandler } from './get-workspace-public/get-workspace-public.handler';
import { GetWorkspacePublicHttpController } from './get-workspace-public/get-workspace-public.http.controller';
import { SetWorkspacePublicHandler } from './set-workspace-public/set-workspace-public.handler';
import { SetWorkspacePublicHttpController } from './set-workspace-public/set-workspace-public.http.controller';
import { WorkspacePublicity } from './workspace-publicity';

@Module({
  controllers: [GetWorkspacePublicHttpController, SetWorkspacePublicHttpController],
  providers: [WorkspacePublicity, GetWorkspacePublicHandler, SetWorkspacePublicHandler],
  exports: [WorkspacePublicity],
})
export class WorkspacePublicityModule {}
