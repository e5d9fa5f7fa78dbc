// Test tiers are chosen by file name (docs/contributing.md, "Test tiers"): unit = no I/O, int = real PostgreSQL/PGlite/Redis,
// e2e = the running app over HTTP.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];
// NestJS 12 ships as ES modules, which jest's CommonJS runtime cannot require on Node 20 (it
// can on Node >= 24.9). So these packages, and the ESM-only packages they load, are compiled to
// CommonJS like our own sources.
const esmPackages = [
  '@nestjs',
  'file-type',
  'strtok3',
  'token-types',
  '@tokenizer',
  'uint8array-extras',
  'load-esm',
  '@borewit',
  'age-encryption',
  '@noble',
  '@scure',
];
const swcEsm = [
  '@swc/jest',
  { jsc: { parser: { syntax: 'ecmascript' }, target: 'es2022' }, module: { type: 'commonjs' } },
];
const moduleNameMapper = {
  '^@app/([a-z-]+)$': '<rootDir>/libs/$1/src',
  '^@app/([a-z-]+)/(.*)$': '<rootDir>/libs/$1/src/$2',
};
const project = (displayName, testMatch, extra = {}) => ({
  displayName,
  testMatch,
  transform: { '^.+\\.ts$': swc, '^.+\\.m?js$': swcEsm },
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join('|')})/)`],
  moduleNameMapper,
  testEnvironment: 'node',
  rootDir: __dirname,
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  ...extra,
});

module.exports = {
  projects: [
    project('unit', ['<rootDir>/{apps,libs,test}/**/*.unit.spec.ts']),
    project('int', ['<rootDir>/{apps,libs,test}/**/*.int.spec.ts']),
    project('e2e', ['<rootDir>/{apps,libs,test}/**/*.e2e.spec.ts'], {
      // The browser tests (test/web) serve the built web app.
      globalSetup: '<rootDir>/test/web/support/global-setup.ts',
    }),
  ],
  testTimeout: 60_000,
  // jest's default on two cores is one worker, which leaves a core idle while a spec waits on
  // PostgreSQL, PGlite or a spawned process. Specs keep apart by fresh schemas, data
  // directories and Redis prefixes, so two run side by side safely.
  maxWorkers: 2,
};
