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
