import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { constants, gzipSync } from 'node:zlib';
import { defineConfig } from 'vite';

// No @vitejs/plugin-react: Vite's own transformer (oxc) compiles JSX with the automatic
// runtime, which is all this app needs (no fast refresh: the API serves the built files).
const root = dirname(fileURLToPath(import.meta.url));
const lib = (name) => join(root, `../../libs/${name}/src`);

/**
 * Writes `<asset>.gz` beside every script and style sheet: the API sends it to browsers that
 * accept gzip (apps/api/src/web-app/serve-web-app.ts), so a weak connection carries the
 * compressed bytes the budget counts, compressed once at build time rather than per request.
 */
const precompress = () => ({
  name: 'rights-ledger:precompress',
  writeBundle(options, bundle) {
    for (const [name, output] of Object.entries(bundle)) {
      if (!/\.(js|css)$/.test(name)) continue;
      const source = output.type === 'chunk' ? output.code : output.source;
      const gzip = gzipSync(source, { level: constants.Z_BEST_COMPRESSION });
      writeFileSync(join(options.dir, `${name}.gz`), gzip);
    }
  },
});

export default defineConfig({
  root,
  // Pure libraries shared with the API: the dashboard draws the export workbook's charts.
  resolve: { alias: { '@app/charts': lib('charts'), '@app/domain': lib('domain') } },
  base: '/',
  oxc: { jsx: { runtime: 'automatic' } },
  plugins: [precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The budget (bench/web) is on gzip size per route; chunks stay split per route.
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      // Mantine marks its modules "use client" for server components; meaningless here.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
});
