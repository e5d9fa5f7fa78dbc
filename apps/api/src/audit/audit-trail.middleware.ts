import { Injectable, Logger, NestMiddleware } from '@nestjs/common';
import { AuditLog, AuthenticatedRequest } from '@app/auth';

interface AuditedRequest extends AuthenticatedRequest {
  method: string;
  route?: { path?: unknown };
  params?: Record<string, string | undefined>;
  headers: Record<string, string | string[] | undefined>;
}

interface AuditedResponse {
  statusCode: number;
  json?: (body: unknown) => unknown;
  getHeader(name: string): unknown;
  once(event: 'finish', listener: () => void): unknown;
}

/** Reads of personal detail: audited like writes (who looked at whom, not what they saw). */
export const AUDITED_READS: ReadonlySet<string> = new Set([
  'GET /persons/:id',
  'GET /organisations/:id',
  'GET /incidents/:id',
  'GET /incidents/:id/history',
  'GET /incidents/:id/evidence',
  'GET /incidents/:id/evidence/:evidenceId',
]);

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Projection names (`incident-facts`): a code with a hyphen, not a word someone typed.
const KNOWN_NAME = /^[a-z]+(?:-[a-z]+)+$/;
const CORRELATION_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** The route an audit entry names, e.g. `POST /incidents/:id/corrections`; undefined if none matched. */
export function auditAction(method: string, routePath: unknown): string | undefined {
  if (typeof routePath !== 'string' || routePath.includes('*')) return undefined;
  return `${method} ${routePath}`;
}

/**
 * Records every write and every read of personal detail once its answer is sent: the user, its
 * role and workspace, the route, the id it concerned (a path id, or the id a creation
 * returned) and the status. Bodies, queries and names are never recorded.
 */
@Injectable()
export class AuditTrailMiddleware implements NestMiddleware {
  private readonly logger = new Logger('Audit');

  constructor(private readonly audit: AuditLog) {}

  use(request: AuditedRequest, response: AuditedResponse, next: () => void): void {
    let createdId: string | undefined;
    const json = response.json;
    if (!READ_METHODS.has(request.method) && typeof json === 'function') {
      // Only the id of what a creation returned is kept, never the rest of the body.
      response.json = function (this: unknown, body: unknown) {
        const id =
          (body as { id?: unknown; userId?: unknown } | null)?.id ??
          (body as { userId?: unknown } | null)?.userId;
        if (typeof id === 'string' && ID.test(id)) createdId = id;
        return json.call(this, body);
      };
    }
    response.once('finish', () => {
      const action = auditAction(request.method, request.route?.path);
      if (action === undefined) return;
      if (READ_METHODS.has(request.method) && !AUDITED_READS.has(action)) return;
      const actor = request.actor;
      // A path segment that is not an id could be anything a client typed, a name included.
      const { id, name } = request.params ?? {};
      const pathId =
        id !== undefined && ID.test(id)
          ? id
          : name !== undefined && KNOWN_NAME.test(name)
            ? name
            : undefined;
      const correlation =
        response.getHeader('x-correlation-id') ?? request.headers['x-correlation-id'];
      this.audit
        .record({
          action,
          status: response.statusCode,
          ...(actor !== undefined && {
            workspaceId: actor.workspaceId,
            userId: actor.userId,
            role: actor.role,
          }),
          ...((pathId ?? createdId) !== undefined && { targetId: pathId ?? createdId }),
          ...(typeof correlation === 'string' &&
            CORRELATION_ID.test(correlation) && { correlationId: correlation }),
        })
        .catch((error: unknown) => {
          const name = error instanceof Error ? error.name : typeof error;
          this.logger.error(`Audit entry not recorded for ${action}: ${name.slice(0, 64)}`);
        });
    });
    next();
  }
}
