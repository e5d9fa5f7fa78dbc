import { ApiError, authHeaders } from '../../api/client';

/**
 * A change to an incident, sent with the version the person read (If-Match) and a key of
 * its own (Idempotency-Key): a 409 means someone changed it since, and nothing was written.
 */
export async function changeIncident(
  id: string,
  action: string,
  body: unknown,
  version: number,
  idempotencyKey: string,
  method: 'POST' | 'DELETE' = 'POST',
): Promise<{ id: string; version: number }> {
  const response = await fetch(`/incidents/${id}/${action}`, {
    method,
    credentials: 'same-origin',
    headers: {
      ...authHeaders(method),
      Accept: 'application/json',
      ...(method === 'POST' && { 'Content-Type': 'application/json' }),
      'If-Match': `"${version}"`,
      'Idempotency-Key': idempotencyKey,
    },
    body: method === 'POST' ? JSON.stringify(body) : undefined,
  });
  const parsed = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (!response.ok) throw new ApiError({ ...parsed, status: response.status });
  return parsed as { id: string; version: number };
}
