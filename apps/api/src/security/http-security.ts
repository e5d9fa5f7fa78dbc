import { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import { refuseDeepJson } from '../problem/json-depth';
import { refuseUnreadBody } from '../problem/unread-body';

/** The largest JSON body the API reads; larger ones are answered 413 without being parsed. */
export const JSON_BODY_LIMIT = '1mb';

/** Headers a browser client on an allowed origin may send and read. */
const CORS_REQUEST_HEADERS = [
  'Authorization',
  'Content-Type',
  'If-Match',
  'Idempotency-Key',
  'X-Correlation-Id',
];
const CORS_RESPONSE_HEADERS = [
  'ETag',
  'Location',
  'Retry-After',
  'X-Correlation-Id',
  'X-RateLimit-Limit',
  'X-RateLimit-Remaining',
  'X-RateLimit-Reset',
];

export interface HttpSecurityOptions {
  /** Browser origins allowed to call the API (CORS_ORIGINS); none by default. */
  corsOrigins?: readonly string[];
  /** TRUST_PROXY: the reverse proxies whose X-Forwarded-For gives the client address. */
  trustProxy?: number | readonly string[];
}

/**
 * Security headers (helmet), the JSON body limit and CORS. Multipart uploads are not parsed
 * here: a route that takes files sets its own limit on its own parser.
 */
export function configureHttpSecurity(
  app: NestExpressApplication,
  { corsOrigins = [], trustProxy }: HttpSecurityOptions = {},
): void {
  // The client address keys the lock-out and the rate limits: behind a proxy, without this,
  // every client shares the proxy's address (and one attacker locks everyone out).
  if (trustProxy !== undefined) {
    app.set('trust proxy', typeof trustProxy === 'number' ? trustProxy : [...trustProxy]);
  }
  app.use(helmet());
  // Registered before Nest's own parsers, which then leave JSON to this one.
  app.useBodyParser('json', { limit: JSON_BODY_LIMIT });
  app.use(refuseDeepJson);
  app.use(refuseUnreadBody);
  // Closed by default: a browser page elsewhere cannot call the API with someone's token.
  if (corsOrigins.length > 0) {
    app.enableCors({
      origin: [...corsOrigins],
      methods: ['GET', 'HEAD', 'POST', 'PUT', 'DELETE'],
      allowedHeaders: CORS_REQUEST_HEADERS,
      exposedHeaders: CORS_RESPONSE_HEADERS,
      credentials: false,
      maxAge: 600,
    });
  }
}
