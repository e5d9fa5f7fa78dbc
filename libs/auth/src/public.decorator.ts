import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiSecurity } from '@nestjs/swagger';

export const PUBLIC_KEY = 'auth:public';

/**
 * The route (or every route of the controller) answers without a token. In the OpenAPI
 * document it carries `security: [{}]`, which lifts the global bearer requirement.
 */
export const Public = (): ClassDecorator & MethodDecorator =>
  applyDecorators(SetMetadata(PUBLIC_KEY, true), ApiSecurity({}));
