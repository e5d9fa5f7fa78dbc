import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { NestExpressApplication } from '@nestjs/platform-express';

/** Where `npm run web:build` writes the app (apps/web/dist; build output, not in git). */
export const WEB_APP_DIST = resolve(__dirname, '../../../web/dist');

interface NavigationRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
}

/**
 * A browser opening a page (an address typed, a link followed, a reload) rather than a script
 * or the app's own fetch asking the API. Only such requests get index.html, so the app's
 * client-side routes (/cases/…, /snapshots) may share a first segment with the API's paths
 * without taking them from anybody: fetch() sends `Accept: application/json` or `*\/*` and
 * `Sec-Fetch-Mode: cors`/`same-origin`, never `navigate`.
 */
export function isPageNavigation(request: NavigationRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  // The OpenAPI UI and document stay the API's.
  if (
    request.path === '/docs' ||
    request.path.startsWith('/docs/') ||
    request.path.startsWith('/docs-')
  )
    return false;
  const mode = header(request, 'sec-fetch-mode');
  if (mode !== undefined) return mode === 'navigate';
  return /\btext\/html\b/.test(header(request, 'accept') ?? '');
}

/**
 * Serves the built web app at `/`: its hashed assets (cached for a year: the name changes
 * with the content) and index.html for every page navigation, before the API's routes see
 * the request. Nothing happens when the app is not built (API-only tests, `npm run build`).
 */
export function serveWebApp(app: NestExpressApplication, dist = WEB_APP_DIST): boolean {
  const indexHtml = join(dist, 'index.html');
  if (!existsSync(indexHtml)) return false;
  // A missing asset falls through to the API: 404 problem+json.
  app.useStaticAssets(join(dist, 'assets'), {
    prefix: '/assets/',
    immutable: true,
    maxAge: '365d',
  });
  app.use((request: NavigationRequest, response: PageResponse, next: () => void) => {
    if (!isPageNavigation(request)) return next();
    // The page itself must never be cached: it names the current asset hashes.
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(indexHtml);
  });
  return true;
}

interface PageResponse {
  setHeader(name: string, value: string): void;
  sendFile(path: string): void;
}

function header(request: NavigationRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
