/** A body of a type no route reads; express maps `statusCode` < 500 to an HttpException. */
export class UnreadBody extends Error {
  readonly status = 415;
  readonly statusCode = 415;
  readonly expose = true;
  constructor(type: string) {
    super(
      `The request body is ${type || 'of no stated type'}: send JSON (Content-Type: application/json), or multipart/form-data where a route takes a file.`,
    );
    this.name = 'UnreadBody';
  }
}

/** What the API reads: JSON (by the JSON parser) and files (multipart, by the route's parser). */
const READ = /^(application\/([\w.+-]+\+)?json|multipart\/form-data)\s*(;|$)/i;

interface RequestLike {
  method: string;
  headers: Record<string, string | string[] | undefined>;
}

/**
 * Middleware: a write whose body the API would not read (text/plain, a form, XML) is refused
 * with 415. Without it, such a body left the DTO empty, and a route whose fields are all
 * optional (a case export of everything) accepted the request as if nothing had been sent.
 */
export function refuseUnreadBody(
  request: RequestLike,
  _response: unknown,
  next: (error?: unknown) => void,
): void {
  const type = String(request.headers['content-type'] ?? '');
  const length = Number(request.headers['content-length'] ?? 0);
  const hasBody = length > 0 || request.headers['transfer-encoding'] !== undefined;
  next(hasBody && !READ.test(type) ? new UnreadBody(type.split(';')[0].trim()) : undefined);
}
