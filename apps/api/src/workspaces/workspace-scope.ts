import { Param } from '@nestjs/common';
import { Actor } from '@app/application';
import { DomainError } from '@app/domain';
import { UuidParamPipe } from '../http/uuid-param.pipe';

/** The workspace id in the path: a malformed one is a 400 naming `id`. */
export const WorkspaceIdParam = () => Param('id', UuidParamPipe);

/**
 * An admin manages its own workspace only. Another workspace's id is answered exactly like an
 * unknown one (404), so ids reveal nothing; the deployment admin is no exception: it acts in
 * a new workspace with the admin token it received when creating it.
 */
export function assertOwnWorkspace(actor: Actor, workspaceId: string): void {
  if (actor.workspaceId !== workspaceId) {
    throw new DomainError('not_found', 'workspace_not_found', 'no such workspace');
  }
}
