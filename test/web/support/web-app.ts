import { AddressInfo } from 'node:net';
import { startTestApp, TestApp } from '../../support/test-app';

export interface RunningWebApp extends TestApp {
  /** http://127.0.0.1:<port>: the API and, at /, the built web app (apps/web/dist). */
  baseURL: string;
}

/**
 * The real API in this process on an HTTP port, serving the built web app (jest's global
 * set-up builds it when stale), on PGlite or a fresh PostgreSQL schema.
 */
export async function startWebApp(
  backend: 'pglite' | 'postgres' = 'pglite',
): Promise<RunningWebApp> {
  const t = await startTestApp(backend);
  await t.app.listen(0, '127.0.0.1');
  const { port } = t.app.getHttpServer().address() as AddressInfo;
  return { ...t, baseURL: `http://127.0.0.1:${port}` };
}
