// @ts-check
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';

// Everything `libs/domain` must not import: it stays pure TypeScript,
// so deciders are tested without Nest, a database or the network.
const domainForbidden = [
  {
    group: [
      '@nestjs/*',
      'typeorm',
      'typeorm-*',
      'pg',
      'pg-*',
      '@electric-sql/*',
      'ioredis',
      'bullmq',
    ],
    message: 'libs/domain is pure: frameworks and drivers belong in adapters and apps.',
  },
  {
    group: ['@kurrent/*', '@event-driven-io/*'],
    message: 'libs/domain is pure: the event store is reached through its port, in apps.',
  },
  {
    group: [
      'fs',
      'node:fs',
      'fs/*',
      'node:fs/*',
      'net',
      'node:net',
      'http',
      'node:http',
      'https',
      'node:https',
    ],
    message: 'libs/domain does no I/O.',
  },
];

/**
 * The libraries each library may use. A library not
 * listed here uses none. The graph has no cycle: read top to bottom, each library uses only
 * those above it.
 */
export const LIB_USES = {
  domain: [],
  config: [],
  database: [],
  'event-store': ['database'],
  protection: ['config', 'database'],
  infrastructure: ['config', 'database', 'event-store'],
  'read-models': ['config', 'database', 'domain', 'event-store'],
  jobs: ['config', 'database'],
  application: ['database', 'domain', 'event-store', 'jobs', 'protection', 'read-models'],
  auth: ['application', 'config', 'database'],
  imports: ['application', 'database', 'domain', 'event-store', 'jobs', 'protection'],
  exports: ['domain', 'jobs', 'read-models'],
};

export const APPS = ['api', 'worker', 'cli'];

/** A library's own rule: only the libraries it declares, and never an app. */
function libraryPatterns(lib) {
  const allowed = [lib, ...LIB_USES[lib]];
  return [
    {
      group: ['@app/*', ...allowed.flatMap((l) => [`!@app/${l}`, `!@app/${l}/*`])],
      message: `libs/${lib} may use only ${allowed.map((l) => `@app/${l}`).join(', ')} (LIB_USES in eslint.config.mjs).`,
    },
    {
      regex: '(^|/)apps/',
      message: 'Libraries never import apps: move what both need into a library.',
    },
    {
      // A relative path into another library would slip past the @app/ rule above.
      regex: '^(\\.\\./)+(libs/)?[a-z-]+/src(/|$)',
      message: 'Another library is imported by its @app/ name, so LIB_USES governs it.',
    },
  ];
}

/** An app's rule: never another app (they share libraries, not each other's files). */
function appPatterns(app) {
  const others = APPS.filter((a) => a !== app).join('|');
  return [
    {
      regex: `(^|/)(apps/)?(${others})/src(/|$)`,
      message: `apps/${app} never imports another app: what both need belongs in a library.`,
    },
  ];
}

const boundaries = [
  ...Object.keys(LIB_USES).map((lib) => ({
    files: [`libs/${lib}/**/*.{ts,tsx,mts,js,mjs}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [...libraryPatterns(lib), ...(lib === 'domain' ? domainForbidden : [])],
        },
      ],
    },
  })),
  ...APPS.map((app) => ({
    files: [`apps/${app}/**/*.{ts,tsx,mts,js,mjs}`],
    rules: { 'no-restricted-imports': ['error', { patterns: appPatterns(app) }] },
  })),
];

export default defineConfig(
  globalIgnores(['node_modules/', 'dist/', 'data/', 'coverage/', 'bench/results/']),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    rules: {
      // Prettier, our formatter, breaks chains as `expr\n  [Symbol.asyncIterator]()`, and its
      // indentation already shows the continued line this rule exists to catch.
      'no-unexpected-multiline': 'off',
      // `_`-prefixed names are deliberately unused (an ignored tuple element, a required parameter).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: {
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
        process: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  ...boundaries,
);
