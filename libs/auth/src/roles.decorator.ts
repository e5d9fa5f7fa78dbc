import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiForbiddenResponse } from '@nestjs/swagger';
import { Role } from './role';

export const ROLES_KEY = 'auth:roles';

/**
 * Only actors with one of these roles may call the route (or the controller's routes; a
 * method's own @Roles() replaces its controller's). Others get 403 naming the roles.
 */
export const Roles = (...roles: [Role, ...Role[]]): ClassDecorator & MethodDecorator =>
  applyDecorators(
    SetMetadata(ROLES_KEY, roles),
    ApiForbiddenResponse({ description: `Requires the role ${roles.join(' or ')}.` }),
  );

export const DEPLOYMENT_ADMIN_KEY = 'auth:deployment-admin';

/**
 * Only the deployment's own admin (the user of BOOTSTRAP_ADMIN_TOKEN, or of the token printed
 * on the first embedded start) may call the route: it acts across workspaces. A workspace's
 * admin gets 403.
 */
export const DeploymentAdmin = (): ClassDecorator & MethodDecorator =>
  applyDecorators(
    SetMetadata(DEPLOYMENT_ADMIN_KEY, true),
    ApiForbiddenResponse({ description: 'Requires the deployment admin (BOOTSTRAP_ADMIN_TOKEN).' }),
  );
