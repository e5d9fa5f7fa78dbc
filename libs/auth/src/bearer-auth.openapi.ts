import { OpenAPIObject, ResponseObject } from '@nestjs/swagger';

/** The name `DocumentBuilder.addBearerAuth()` gives the scheme by default. */
export const BEARER_SCHEME = 'bearer';
/** The browser session cookie (`rl_session`), with its CSRF header on state-changing requests. */
export const SESSION_SCHEME = 'session';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/**
 * Documents the guard: the bearer scheme or a session is required by the whole document, except on
 * operations marked @Public() (`security: [{}]`), and every other operation gets
 * `unauthorized` as its 401 answer.
 */
export function documentBearerAuth(
  document: OpenAPIObject,
  unauthorized: ResponseObject,
): OpenAPIObject {
  document.security = [{ [BEARER_SCHEME]: [] }, { [SESSION_SCHEME]: [] }];
  for (const path of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = path[method];
      const isPublic = operation?.security?.some((s) => Object.keys(s).length === 0) ?? false;
      if (operation !== undefined && !isPublic) operation.responses['401'] ??= unauthorized;
    }
  }
  return document;
}
