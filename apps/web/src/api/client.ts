import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';

/**
 * The typed client of the API this app is served by (same origin). People sign in with a
 * session cookie; state-changing requests then carry the session's CSRF token. A bearer token
 * (scripts, and the tests until a person can sign in) is kept for the tab only.
 */
export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });

const TOKEN_KEY = 'rl.token';
let csrfToken: string | undefined;

export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

export function bearerToken(): string | undefined {
  return sessionStorage.getItem(TOKEN_KEY) ?? undefined;
}

export function setBearerToken(token: string | undefined): void {
  if (token === undefined) sessionStorage.removeItem(TOKEN_KEY);
  else sessionStorage.setItem(TOKEN_KEY, token);
}

/** The headers every call carries: credentials, CSRF, and JSON by default. */
export function authHeaders(method = 'GET'): Record<string, string> {
  const headers: Record<string, string> = {};
  const token = bearerToken();
  if (token !== undefined) headers.Authorization = `Bearer ${token}`;
  if (method !== 'GET' && method !== 'HEAD' && csrfToken !== undefined)
    headers['X-CSRF-Token'] = csrfToken;
  return headers;
}

let signedOut: () => void = () => undefined;

/**
 * What to do when the API answers 401: the session ended elsewhere (signed out everywhere,
 * idle, disabled), so the app asks again who is signed in and its guards send the person to
 * sign-in at their next request instead of showing a broken screen.
 */
export function onSignedOut(handler: () => void): void {
  signedOut = handler;
}

/** Every answer of the API passes here (typed client and plain calls alike). */
export function noticeStatus(status: number): void {
  if (status === 401) signedOut();
}

const auth: Middleware = {
  onRequest({ request }) {
    for (const [name, value] of Object.entries(authHeaders(request.method)))
      request.headers.set(name, value);
    if (!request.headers.has('Accept')) request.headers.set('Accept', 'application/json');
    return request;
  },
  onResponse({ response }) {
    noticeStatus(response.status);
    return response;
  },
};
api.use(auth);

/** An RFC 9457 problem as the API answers it. */
export interface Problem {
  status: number;
  title?: string;
  detail?: string;
  code?: string;
  errors?: { field: string; message: string; allowed?: string[] }[];
  expectedVersion?: number;
  actualVersion?: number;
  [extension: string]: unknown;
}

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`);
  }
}

/** The data of an openapi-fetch answer, or an ApiError carrying the problem. */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.error !== undefined || !result.response.ok) {
    const body = (result.error ?? {}) as Partial<Problem>;
    throw new ApiError({ ...body, status: result.response.status });
  }
  return result.data as T;
}

/** The spreadsheet media type (downloads and templates ask for it in Accept). */
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A download of exactly what the API answers (CSV, XLSX, templates) as a file. */
export async function download(url: string, accept: string, fileName: string): Promise<Blob> {
  const response = await fetch(url, {
    headers: { ...authHeaders(), Accept: accept },
    credentials: 'same-origin',
  });
  if (!response.ok) throw new ApiError({ status: response.status, title: response.statusText });
  const blob = await response.blob();
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  return blob;
}
