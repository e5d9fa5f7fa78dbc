import { existsSync, readdirSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
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
  app.use(precompressedAssets(join(dist, 'assets')));
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
  sendFile(path: string, options?: { maxAge: string; immutable: boolean }): void;
}

const ASSET_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/**
 * Sends `<asset>.gz` (written by the build) to a browser that accepts gzip: the scripts are
 * what a monitor on a weak connection waits for, and uncompressed they weigh three times more.
 * Others get the plain file from the static handler.
 */
function precompressedAssets(assets: string) {
  const compressed = new Set(
    readdirSync(assets)
      .filter((name) => name.endsWith('.gz'))
      .map((name) => name.slice(0, -'.gz'.length)),
  );
  return (request: NavigationRequest, response: PageResponse, next: () => void) => {
    const name = request.path.startsWith('/assets/') ? request.path.slice('/assets/'.length) : '';
    const type = ASSET_TYPES[extname(name)];
    if (
      (request.method !== 'GET' && request.method !== 'HEAD') ||
      type === undefined ||
      !compressed.has(name) ||
      !/\bgzip\b/.test(header(request, 'accept-encoding') ?? '')
    )
      return next();
    response.setHeader('Content-Type', type);
    response.setHeader('Content-Encoding', 'gzip');
    response.setHeader('Vary', 'Accept-Encoding');
    response.sendFile(join(assets, `${name}.gz`), { maxAge: '365d', immutable: true });
  };
}

function header(request: NavigationRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
