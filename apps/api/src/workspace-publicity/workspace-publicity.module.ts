import { Module } from '@nestjs/common';
import { SetWorkspacePublicHttpController } from './set-workspace-public.http.controller';
import { WorkspacePublicity } from './workspace-publicity';

@Module({
  controllers: [SetWorkspacePublicHttpController],
  providers: [WorkspacePublicity],
  exports: [WorkspacePublicity],
})
export class WorkspacePublicityModule {}
