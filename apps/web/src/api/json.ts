import { ApiError, authHeaders, noticeStatus, type Problem } from './client';

/**
 * A JSON call outside the generated client: the sign-in routes, built beside this app, are
 * not in the committed document yet. Problems come back as ApiError like the typed calls.
 */
export async function callJson<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: {
      ...authHeaders(method),
      Accept: 'application/json',
      ...(body !== undefined && { 'Content-Type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  noticeStatus(response.status);
  const text = await response.text();
  const parsed: unknown = text === '' ? undefined : JSON.parse(text);
  if (!response.ok)
    throw new ApiError({ ...(parsed as Partial<Problem>), status: response.status });
  return parsed as T;
}
