// Builds the web app (apps/web/dist) when it is missing or older than its sources; a fast
// no-op otherwise. `npm start` runs it first (prestart), so a fresh clone serves the app after
// `npm ci && npm start` with no other step; jest's global set-up runs it before browser tests.
const { execFileSync } = require('node:child_process');
const { existsSync, readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '../..');
const web = join(root, 'apps/web');
const built = join(web, 'dist/index.html');

/** The newest modification time under `path` (a file or a directory tree). */
function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newest(join(path, name))), 0);
}

function sourcesTime() {
  return Math.max(
    newest(join(web, 'src')),
    newest(join(web, 'index.html')),
    newest(join(web, 'vite.config.mjs')),
    newest(join(root, 'package-lock.json')),
    // Pure libraries the app bundles (the dashboard's charts).
    newest(join(root, 'libs/charts/src')),
    newest(join(root, 'libs/domain/src')),
  );
}

function isStale() {
  return !existsSync(built) || statSync(built).mtimeMs < sourcesTime();
}

function ensureWebBuild() {
  if (!isStale()) return false;
  process.stdout.write('Building the web app (apps/web/dist)…\n');
  execFileSync(
    process.execPath,
    [
      join(root, 'node_modules/vite/bin/vite.js'),
      'build',
      '--config',
      join(web, 'vite.config.mjs'),
      '--logLevel',
      'warn',
    ],
    { cwd: root, stdio: 'inherit' },
  );
  return true;
}

module.exports = { ensureWebBuild, isStale };

if (require.main === module) ensureWebBuild();
