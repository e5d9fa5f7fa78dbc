import { rm } from 'node:fs/promises';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { loadConfig } from '@app/config';
import { AppModule } from '../../apps/api/src/app.module';
import { configureHttpApp } from '../../apps/api/src/http-app';
import { pgliteCopy } from './pglite-template';
import { createTestSchema } from './test-postgres';

import { TEST_ADMIN_TOKEN, TEST_MASTER_KEY } from './test-keys';

export { TEST_ADMIN_TOKEN, TEST_MASTER_KEY };

export interface TestApp {
  app: NestExpressApplication;
  /** The HTTP server, for supertest. */
  server: Parameters<typeof import('supertest')>[0];
  auth: { Authorization: string };
  /** Embedded mode: the PGlite data directory (its files and WAL, for scans). */
  dataDir?: string;
  close(): Promise<void>;
}

/**
 * The real API module graph in this process, on embedded PGlite (a copy of a data directory
 * an app has already started on once: see pglite-template.ts) or on the PostgreSQL server (a
 * fresh schema), with a known admin token. Specs of the HTTP surface (access, validation,
 * answers) run on PostgreSQL: an app starts there in about a third of PGlite's time and
 * answers faster, and the store behaves the same (one contract suite on both). Specs whose
 * point is the embedded deployment (its files, its jobs without Redis, the demo) use PGlite.
 */
export async function startTestApp(
  backend: 'pglite' | 'postgres' = 'pglite',
  extraEnv: Record<string, string> = {},
): Promise<TestApp> {
  let cleanup: () => Promise<void>;
  let env: Record<string, string>;
  if (backend === 'pglite') {
    const dir = await appPgliteCopy();
    env = { PGLITE_DIR: dir };
    cleanup = () => rm(dir, { recursive: true, force: true });
  } else {
    const schema = await createTestSchema('app');
    env = { DATABASE_URL: schema.url, MASTER_KEY: TEST_MASTER_KEY };
    cleanup = () => schema.drop();
  }
  const app = await bootApp({ ...env, ...extraEnv });
  return {
    app,
    server: app.getHttpServer(),
    auth: { Authorization: `Bearer ${TEST_ADMIN_TOKEN}` },
    dataDir: env.PGLITE_DIR,
    async close() {
      await app.close();
      await cleanup();
    },
  };
}

/**
 * A new directory holding a copy of a data directory the app has started on once, with
 * TEST_ADMIN_TOKEN as its admin token; the caller removes it.
 */
export function appPgliteCopy(): Promise<string> {
  return pgliteCopy('app', async (fresh) => (await bootApp({ PGLITE_DIR: fresh })).close());
}

async function bootApp(env: Record<string, string>): Promise<NestExpressApplication> {
  const config = loadConfig({ ...env, BOOTSTRAP_ADMIN_TOKEN: TEST_ADMIN_TOKEN });
  const moduleRef = await Test.createTestingModule({
    imports: [AppModule.forConfig(config)],
  }).compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ logger: false });
  configureHttpApp(app);
  await app.init();
  return app;
}
