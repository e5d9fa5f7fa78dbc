// @ts-check
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';

// Everything `libs/domain` must not import: it stays pure TypeScript (ARCHITECTURE.md,
// "Dependency rule"), so deciders are tested without Nest, a database or the network.
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
  {
    group: ['@app/*', '!@app/domain', '!@app/domain/*'],
    message: 'libs/domain imports nothing of ours but itself.',
  },
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
  {
    files: ['libs/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: domainForbidden }],
    },
  },
  {
    // The chart definitions run in the API and in the browser: no Node, no framework.
    files: ['libs/charts/**/*.ts'],
    ignores: ['libs/charts/**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...domainForbidden.slice(0, 2),
            {
              group: ['node:*', 'fs', 'path', 'zlib', 'worker_threads', 'exceljs'],
              message: 'libs/charts is pure: the web app bundles it.',
            },
            {
              group: ['@app/*', '!@app/domain', '!@app/domain/*', '!@app/charts', '!@app/charts/*'],
              message: 'libs/charts imports only the domain (vocabulary labels).',
            },
          ],
        },
      ],
    },
  },
);
