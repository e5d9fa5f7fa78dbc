import { createHash, randomUUID } from 'node:crypto';
import { Actor, CommandContext } from './actor';
import { ValidationException } from './validation.exception';

export interface RequestLike {
  method: string;
  originalUrl?: string;
  url?: string;
  body?: unknown;
  headers: Record<string, string | string[] | undefined>;
}

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;
const CORRELATION_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** The context every command handler receives: who, correlation, idempotency, today. */
export function commandContext(request: RequestLike, actor: Actor): CommandContext {
  const key = header(request, 'idempotency-key');
  if (key !== undefined && !IDEMPOTENCY_KEY.test(key)) {
    throw new ValidationException([
      {
        field: 'Idempotency-Key',
        message: 'must be 1 to 200 printable ASCII characters without spaces',
      },
    ]);
  }
  const correlation = header(request, 'x-correlation-id');
  return {
    actor,
    correlationId:
      correlation !== undefined && CORRELATION_ID.test(correlation) ? correlation : randomUUID(),
    ...(key !== undefined && { idempotencyKey: key, requestHash: requestHash(request) }),
    today: new Date().toISOString().slice(0, 10),
  };
}

/**
 * The `If-Match` header as a stream version: `3`, `"3"` or `W/"3"` (the ETag our GET
 * answers carry). Absent → undefined; anything else → 400 naming the header.
 */
export function ifMatchVersion(request: RequestLike, required = false): number | undefined {
  const raw = header(request, 'if-match');
  if (raw === undefined) {
    if (required)
      throw new ValidationException([
        { field: 'If-Match', message: 'is required: send the version you read' },
      ]);
    return undefined;
  }
  const match = /^(?:W\/)?"?(\d{1,15})"?$/.exec(raw.trim());
  if (!match) {
    throw new ValidationException([
      { field: 'If-Match', message: 'must be the version you read, e.g. "3"' },
    ]);
  }
  return Number(match[1]);
}

/** Same method, path and body → same hash, whatever the key order of the JSON. */
function requestHash(request: RequestLike): string {
  const path = (request.originalUrl ?? request.url ?? '').split('?')[0];
  return createHash('sha256')
    .update(`${request.method} ${path}\n${canonicalJson(request.body ?? null)}`)
    .digest('hex');
}

/** JSON with object keys sorted, so equal values hash alike. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function header(request: RequestLike, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
