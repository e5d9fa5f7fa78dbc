import { Injectable, Logger, NestMiddleware } from '@nestjs/common';
import { AuditEntry, AuditLog, AuthenticatedRequest, auditInsert } from '@app/auth';
import { SameTransactionRecord, withSameTransactionRecord } from '@app/database';

export interface AuditedRequest extends AuthenticatedRequest {
  method: string;
  route?: { path?: unknown };
  params?: Record<string, string | undefined>;
  headers: Record<string, string | string[] | undefined>;
  /** The entry that commits with the request's first change; armed by AuditArmingInterceptor. */
  auditRecord?: RequestAuditRecord;
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
 * A write's audit entry, written by the SQL client inside the transaction of the request's
 * first change (libs/database, `RecordingSqlClient`), with the status the route answers on
 * success: a crash between the change and its entry leaves both or neither. Armed once the
 * guards have passed (AuditArmingInterceptor), so a session's own bookkeeping is not taken for
 * the change.
 */
export class RequestAuditRecord implements SameTransactionRecord {
  recorded = false;
  /** The status the entry was written with. */
  status: number | undefined;
  private subject: string | undefined;

  constructor(
    private readonly request: AuditedRequest,
    private readonly correlationId: () => unknown,
  ) {}

  arm(status: number): void {
    this.status = status;
  }

  /** The answer is sent: what is written now (its own entry) is no change of the request. */
  disarm(): void {
    if (!this.recorded) this.status = undefined;
  }

  noteSubject(id: string): void {
    if (ID.test(id)) this.subject ??= id;
  }

  statement(): { sql: string; params: readonly unknown[] } | undefined {
    if (this.status === undefined) return undefined;
    const entry = entryOf(this.request, this.status, this.subject, this.correlationId());
    return entry === undefined ? undefined : auditInsert(entry);
  }
}

/** The entry of a request, or undefined for what is not audited (reads but personal detail). */
function entryOf(
  request: AuditedRequest,
  status: number,
  createdId: string | undefined,
  correlation: unknown,
): AuditEntry | undefined {
  const action = auditAction(request.method, request.route?.path);
  if (action === undefined) return undefined;
  if (READ_METHODS.has(request.method) && !AUDITED_READS.has(action)) return undefined;
  const actor = request.actor;
  // A path segment that is not an id could be anything a client typed, a name included.
  const { id, name } = request.params ?? {};
  const pathId =
    id !== undefined && ID.test(id)
      ? id
      : name !== undefined && KNOWN_NAME.test(name)
        ? name
        : undefined;
  return {
    action,
    status,
    ...(actor !== undefined && {
      workspaceId: actor.workspaceId,
      userId: actor.userId,
      role: actor.role,
    }),
    ...((pathId ?? createdId) !== undefined && { targetId: pathId ?? createdId }),
    ...(typeof correlation === 'string' &&
      CORRELATION_ID.test(correlation) && { correlationId: correlation }),
  };
}

/**
 * Records every write and every read of personal detail: the user, its role and workspace,
 * the route, the id it concerned (a path id, or the id a creation returned) and the status.
 * A write that changed something has its entry committed with the change (RequestAuditRecord);
 * the rest (reads, refusals, failures that changed nothing) once the answer is sent. Bodies,
 * queries and names are never recorded.
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
    const correlation = () =>
      response.getHeader('x-correlation-id') ?? request.headers['x-correlation-id'];
    const record = new RequestAuditRecord(request, correlation);
    if (!READ_METHODS.has(request.method)) request.auditRecord = record;
    response.once('finish', () => {
      record.disarm();
      // Already committed with the change, and the answer is the one it says.
      if (record.recorded && record.status === response.statusCode) return;
      const entry = entryOf(request, response.statusCode, createdId, correlation());
      if (entry === undefined) return;
      this.audit.record(entry).catch((error: unknown) => {
        const name = error instanceof Error ? error.name : typeof error;
        this.logger.error(`Audit entry not recorded for ${entry.action}: ${name.slice(0, 64)}`);
      });
    });
    withSameTransactionRecord(record, next);
  }
}
