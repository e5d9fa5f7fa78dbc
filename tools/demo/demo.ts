import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { exitOnStartupFailure, loadConfigOrExit } from '@app/infrastructure';
import { AppModule } from '../../apps/api/src/app.module';
import { configureHttpApp } from '../../apps/api/src/http-app';
import { ApiClient, httpClient, loadRetreatingRights } from './load-retreating-rights';
import { readDataset } from './retreating-rights.dataset';

/**
 * `npm run demo`: the API in embedded mode on a fresh PGlite directory, loaded with the
 * Retreating Rights dataset through its own HTTP API, then left serving. PORT, PGLITE_DIR and
 * BOOTSTRAP_ADMIN_TOKEN are honoured as `npm start` honours them; without PGLITE_DIR the data
 * goes to a new temporary directory, without BOOTSTRAP_ADMIN_TOKEN a token is made up and
 * printed. Run it again on the same PGLITE_DIR and nothing new is recorded.
 */
async function demo(): Promise<void> {
  // Embedded mode whatever the shell says: the demo never touches a server's data.
  const {
    DATABASE_URL: _database,
    EVENT_STORE: _store,
    KURRENTDB_URL: _kurrent,
    ...env
  } = process.env;
  const dir = env.PGLITE_DIR || mkdtempSync(join(tmpdir(), 'rights-ledger-demo-'));
  const token = env.BOOTSTRAP_ADMIN_TOKEN || `rl_demo_${randomBytes(24).toString('base64url')}`;
  const config = loadConfigOrExit({ ...env, PGLITE_DIR: dir, BOOTSTRAP_ADMIN_TOKEN: token });

  const app = await NestFactory.create<NestExpressApplication>(AppModule.forConfig(config), {
    abortOnError: false,
    logger: ['error', 'warn'],
  });
  app.enableShutdownHooks();
  configureHttpApp(app);
  await app.listen(config.port, '127.0.0.1');
  const url = `http://localhost:${config.port}`;
  const api = httpClient(`http://127.0.0.1:${config.port}`, token);

  out(
    `\nrights-ledger demo: embedded mode, data in ${dir}\nLoading the Retreating Rights dataset through ${url} …`,
  );
  const dataset = readDataset();
  const headBefore = await head(api);
  const loaded = await loadRetreatingRights(api, dataset);
  const recordedNew = (await head(api)) !== headBefore;
  const byCountry = dataset.countries.map((c) => `${c.incidents.length} ${c.country}`).join(', ');
  out(
    `${recordedNew ? 'Loaded' : 'Already loaded, nothing new recorded'}: ${loaded.incidents} incidents (${byCountry}), ` +
      `${loaded.persons} persons, ${loaded.organisations} organisations, ${loaded.outcomes} outcomes, ` +
      `${loaded.referenceFigures} reference figures (${loaded.context} context rows are kept in ` +
      'data/retreating-rights and not loaded).',
  );
  out(`
  URL:          ${url}   (OpenAPI: ${url}/docs)
  Admin token:  ${token}
  Data:         PGLITE_DIR=${dir}   (run again with it: nothing new is recorded)

Try:
  TOKEN=${token}
  curl -s -H "Authorization: Bearer $TOKEN" '${url}/stats?measure=acts&groupBy=country,type'
  curl -s -H "Authorization: Bearer $TOKEN" '${url}/stats?measure=persons&groupBy=targetCategory&country=KZ&includeReference=true'
  curl -s -H "Authorization: Bearer $TOKEN" '${url}/incidents?country=KG&type=detention'

Serving until Ctrl+C.
`);
}

/** The event store's head, as GET /projections reports it. */
async function head(api: ApiClient): Promise<string> {
  const { status, body } = await api.send('GET', '/projections');
  if (status !== 200) throw new Error(`GET /projections answered ${status}`);
  return (body as { head: string }[])[0]?.head ?? '';
}

function out(text: string): void {
  process.stdout.write(`${text}\n`);
}

demo().catch(exitOnStartupFailure('rights-ledger demo'));
