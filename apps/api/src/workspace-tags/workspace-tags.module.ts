import { Global, Module } from '@nestjs/common';
import { ListWorkspaceTagsHandler } from './list-workspace-tags/list-workspace-tags.handler';
import { ListWorkspaceTagsHttpController } from './list-workspace-tags/list-workspace-tags.http.controller';
import { SetWorkspaceTagsHandler } from './set-workspace-tags/set-workspace-tags.handler';
import { SetWorkspaceTagsHttpController } from './set-workspace-tags/set-workspace-tags.http.controller';
import { WorkspaceTags } from './workspace-tags';

/** Global: every query that takes a tag filter checks it (workspace-tags.ts). */
@Global()
@Module({
  controllers: [ListWorkspaceTagsHttpController, SetWorkspaceTagsHttpController],
  providers: [WorkspaceTags, ListWorkspaceTagsHandler, SetWorkspaceTagsHandler],
  exports: [WorkspaceTags],
})
export class WorkspaceTagsModule {}
