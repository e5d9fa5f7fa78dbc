import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// No @vitejs/plugin-react: Vite's own transformer (oxc) compiles JSX with the automatic
// runtime, which is all this app needs (no fast refresh: the API serves the built files).
const root = dirname(fileURLToPath(import.meta.url));
const lib = (name) => join(root, `../../libs/${name}/src`);

export default defineConfig({
  root,
  // Pure libraries shared with the API: the dashboard draws the export workbook's charts.
  resolve: { alias: { '@app/charts': lib('charts'), '@app/domain': lib('domain') } },
  base: '/',
  oxc: { jsx: { runtime: 'automatic' } },
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
