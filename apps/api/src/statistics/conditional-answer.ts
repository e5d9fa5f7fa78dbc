import { Tagged } from './cached-stats';

/** The parts of the HTTP exchange a cached answer uses; keeps controllers free of express types. */
export interface ConditionalRequest {
  header(name: string): string | undefined;
}
export interface ConditionalResponse {
  setHeader(name: string, value: string): unknown;
}

/** Signed-in callers' figures: kept by their own browser only, and revalidated every time. */
export const PRIVATE_ANSWER = 'private, no-cache';
/** How long anyone may reuse a published table without asking again. */
export const PUBLIC_MAX_AGE_SECONDS = 10;
export const PUBLIC_ANSWER = `public, max-age=${PUBLIC_MAX_AGE_SECONDS}`;

/** The OpenAPI response of a revalidation that found the caller's copy current. */
export const NOT_MODIFIED = {
  status: 304,
  description: 'The answer `If-None-Match` names is still current: no body.',
};

/**
 * The request's `If-None-Match`, unless it also asks `Cache-Control: no-cache`: express then
 * never answers 304 (it decides "fresh" itself when the body is sent), so the full answer
 * is computed and sent.
 */
export function ifNoneMatchOf(request: ConditionalRequest): string | undefined {
  if (/\bno-cache\b/i.test(request.header('cache-control') ?? '')) return undefined;
  return request.header('if-none-match');
}

/**
 * Sets the validator and the caching policy, and returns the body, or undefined when the
 * caller's copy is current: express sends that as a 304 without a body, since the ETag it
 * carries matches the request's `If-None-Match` (express's own freshness check).
 */
export function conditionalAnswer<T>(
  response: ConditionalResponse,
  answer: Tagged<T>,
  cacheControl: string,
): T | undefined {
  response.setHeader('Cache-Control', cacheControl);
  if (answer.etag !== undefined) response.setHeader('ETag', answer.etag);
  return answer.notModified ? undefined : answer.value;
}
