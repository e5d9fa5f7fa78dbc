/** The deepest nesting of arrays and objects a JSON body may have; no request needs more. */
export const MAX_JSON_DEPTH = 64;

/** A body refused before validation; express maps `statusCode` < 500 to an HttpException. */
export class JsonTooDeep extends Error {
  readonly status = 400;
  readonly statusCode = 400;
  readonly expose = true;
  constructor() {
    super(`The request body nests arrays or objects deeper than ${MAX_JSON_DEPTH} levels.`);
    this.name = 'JsonTooDeep';
  }
}

/**
 * Middleware after the JSON parser: passes JsonTooDeep on for a body nested deeper than
 * MAX_JSON_DEPTH. A body nested 3,000 deep parses fine and then overflowed the stack of the
 * validation and hashing that walk it (a 500). The walk stops at the limit, so it is bounded
 * by the body size (1 MB) and never deeper than MAX_JSON_DEPTH + 1 frames.
 */
export function refuseDeepJson(
  request: { body?: unknown },
  _response: unknown,
  next: (error?: unknown) => void,
): void {
  next(deeperThan(request.body, MAX_JSON_DEPTH) ? new JsonTooDeep() : undefined);
}

function deeperThan(value: unknown, limit: number): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (limit === 0) return true;
  for (const child of Object.values(value)) if (deeperThan(child, limit - 1)) return true;
  return false;
}
