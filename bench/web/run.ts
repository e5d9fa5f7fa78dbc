/**
 * The web app's budgets (issue 14), in a real Chromium against the API in this process on a
 * fresh PostgreSQL schema:
 *
 * - JavaScript each route loads, gzip (what a weak connection carries), counted over every
 *   script the browser fetched, beside the bytes it actually received: sign-in and new case
 *   must stay ≤ 250 KB; the chart code (vega) must load only when the dashboard opens. The
 *   verdicts are printed, and the process exits 1 when a route breaks its budget;
 * - time from navigation to the new-case form being usable, beside the bare API call for the
 *   data it needs (GET /vocabularies) in the same run;
 * - time from navigation to a two-group-by dashboard drawn at BENCH_INCIDENTS incidents
 *   (about 10,000, imported as a monitoring sheet), beside the bare GET /stats for the same
 *   query in the same run.
 *
 * Times are medians of BENCH_REPS page loads (a fresh browser context each: nothing cached).
 *
 *   npm run bench:web
 *   BENCH_ROWS=3000 BENCH_REPS=3 npm run bench:web   # a quick check
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { constants, gzipSync } from 'node:zlib';
import request from 'supertest';
import { Browser } from 'playwright-core';
import { monitoringSheet, sheetCsv } from '../../test/acceptance/import/monitoring-sheet';
import { createTestWorkspace } from '../../test/support/workspaces';
import { launchBrowser, newContext } from '../../test/web/support/browser';
import { startWebApp } from '../../test/web/support/web-app';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ensureWebBuild } = require('../../tools/web/ensure-web-build') as {
  ensureWebBuild(): boolean;
};

// 20,200 sheet rows of one to three acts each: about 10,000 incidents (the issue's scale).
const ROWS = Number(process.env.BENCH_ROWS ?? 20_200);
const REPS = Number(process.env.BENCH_REPS ?? 5);
const BUDGET_KB = 250;
const DASHBOARD = 'measure=acts&groupBy=month,targetCategory';
const DASHBOARD_PAGE = '/dashboard?measure=acts&g1=month&g2=targetCategory';
// The monitors' language: its strings are the largest chunk of the five (Cyrillic).
const LOCALE = 'ru-RU';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;

interface Script {
  name: string;
  /** The script gzipped (level 9, as the build precompresses it): what the budget counts. */
  gzip: number;
  /** Bytes the browser actually received for it (after the server's Content-Encoding). */
  wire: number;
  encoding: string;
}

interface RouteLoad {
  route: string;
  scripts: Script[];
  gzipTotal: number;
  wireTotal: number;
  chartLoaded: boolean;
}

/**
 * Every script the browser fetches for a route until the network is idle (the entry, the
 * route's chunks, the language's strings), each measured both gzipped and as received.
 * Every response body is awaited before the context closes, so no chunk goes uncounted.
 */
async function scriptsOf(
  browser: Browser,
  baseURL: string,
  route: string,
  token: string | undefined,
  ready: string,
): Promise<RouteLoad> {
  const context = await newContext(browser, { baseURL, token, locale: LOCALE });
  const page = await context.newPage();
  const measured: Promise<Script>[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() !== 'script') return;
    measured.push(
      (async () => {
        const body = await response.body();
        const sizes = await response.request().sizes();
        return {
          name: new URL(response.url()).pathname,
          gzip: gzipSync(body, { level: constants.Z_BEST_COMPRESSION }).length,
          wire: sizes.responseBodySize,
          encoding: (await response.headerValue('content-encoding')) ?? 'none',
        };
      })(),
    );
  });
  await page.goto(route);
  await page.locator(ready).first().waitFor();
  await page.waitForLoadState('networkidle');
  const scripts = await Promise.all(measured);
  await context.close();
  const sum = (key: 'gzip' | 'wire') => scripts.reduce((total, s) => total + s[key], 0);
  return {
    route,
    scripts,
    gzipTotal: sum('gzip'),
    wireTotal: sum('wire'),
    chartLoaded: scripts.some((s) => /Chart-/.test(s.name)),
  };
}

/** Whether a route keeps its budget: sign-in and new case ≤ BUDGET_KB, no chart code. */
function verdictOf(load: RouteLoad): { budgeted: boolean; pass: boolean } {
  if (load.route === DASHBOARD_PAGE) return { budgeted: false, pass: load.chartLoaded };
  return { budgeted: true, pass: load.gzipTotal <= BUDGET_KB * 1024 && !load.chartLoaded };
}

/** Milliseconds from navigation to `ready` in a fresh context, REPS times. */
async function timeToReady(
  browser: Browser,
  baseURL: string,
  route: string,
  token: string,
  ready: string,
): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < REPS; i++) {
    const context = await newContext(browser, { baseURL, token });
    const page = await context.newPage();
    const start = Date.now();
    await page.goto(route);
    await page.locator(ready).first().waitFor({ timeout: 120_000 });
    times.push(Date.now() - start);
    await context.close();
  }
  return times;
}

async function timeApi(server: Parameters<typeof request>[0], path: string, token: string) {
  const times: number[] = [];
  for (let i = 0; i < REPS; i++) {
    const start = Date.now();
    await request(server).get(path).set('Authorization', `Bearer ${token}`).expect(200);
    times.push(Date.now() - start);
  }
  return times;
}

async function main(): Promise<void> {
  ensureWebBuild();
  const app = await startWebApp('postgres');
  const browser = await launchBrowser();
  try {
    const ws = await createTestWorkspace(app.server, 'Bench NGO', ['monitor', 'analyst']);
    const sheet = monitoringSheet(ROWS);
    const started = await request(app.server)
      .post('/imports')
      .set('Authorization', `Bearer ${ws.tokens.monitor}`)
      .attach('file', sheetCsv(sheet.rows), 'bench.csv')
      .expect(202);
    for (;;) {
      const { body } = await request(app.server)
        .get(`/jobs/${started.body.jobId}`)
        .set('Authorization', `Bearer ${ws.tokens.monitor}`);
      if (body.state === 'completed' || body.state === 'failed') break;
      await new Promise((r) => setTimeout(r, 500));
    }
    // Wait for the read model to hold every imported act.
    for (;;) {
      const { body } = await request(app.server)
        .get('/stats?measure=incidents')
        .set('Authorization', `Bearer ${ws.tokens.analyst}`);
      if (body.total >= sheet.expected.incidents) break;
      await new Promise((r) => setTimeout(r, 500));
    }

    const routes = [
      await scriptsOf(browser, app.baseURL, '/sign-in', undefined, 'form input'),
      await scriptsOf(
        browser,
        app.baseURL,
        '/cases/new',
        ws.tokens.monitor,
        '[data-testid=submit-case]',
      ),
      await scriptsOf(
        browser,
        app.baseURL,
        DASHBOARD_PAGE,
        ws.tokens.analyst,
        '[data-testid=chart] svg',
      ),
    ];
    const form = await timeToReady(
      browser,
      app.baseURL,
      '/cases/new',
      ws.tokens.monitor,
      '[data-testid=submit-case]',
    );
    const vocabularies = await timeApi(app.server, '/vocabularies?lang=en', ws.tokens.monitor);
    const dashboard = await timeToReady(
      browser,
      app.baseURL,
      DASHBOARD_PAGE,
      ws.tokens.analyst,
      '[data-testid=chart] svg',
    );
    const stats = await timeApi(app.server, `/stats?${DASHBOARD}`, ws.tokens.analyst);

    const results = {
      date: new Date().toISOString(),
      load: loadavg()[0],
      incidents: sheet.expected.incidents,
      acts: sheet.expected.acts,
      reps: REPS,
      budgetKB: BUDGET_KB,
      routes: routes.map((r) => ({
        route: r.route,
        gzipKB: kb(r.gzipTotal),
        wireKB: kb(r.wireTotal),
        ...verdictOf(r),
        chartLoaded: r.chartLoaded,
        scripts: r.scripts.map(
          (s) => `${s.name} ${kb(s.gzip)} KB gzip, ${kb(s.wire)} KB received (${s.encoding})`,
        ),
      })),
      newCaseForm: {
        ms: median(form),
        runs: form,
        apiMs: median(vocabularies),
        apiRuns: vocabularies,
      },
      dashboard: { ms: median(dashboard), runs: dashboard, apiMs: median(stats), apiRuns: stats },
    };
    const table = [
      `# Web app budgets (${results.date}, load ${results.load.toFixed(1)})`,
      '',
      `${results.incidents} incidents, ${results.acts} acts; medians of ${REPS} fresh page loads.`,
      '',
      '| route | JS loaded (gzip) | JS received | scripts | chart code loaded | verdict |',
      '| --- | --- | --- | --- | --- | --- |',
      ...results.routes.map(
        (r) =>
          `| ${r.route} | ${r.gzipKB} KB | ${r.wireKB} KB | ${r.scripts.length} | ${r.chartLoaded ? 'yes' : 'no'} | ${r.budgeted ? `${r.pass ? 'PASS' : 'FAIL'} (≤ ${BUDGET_KB} KB, no chart)` : `${r.pass ? 'PASS' : 'FAIL'} (chart loaded here)`} |`,
      ),
      '',
      '| measure | page (median) | bare API call (median) | page / API |',
      '| --- | --- | --- | --- |',
      `| new-case form usable | ${results.newCaseForm.ms} ms | GET /vocabularies ${results.newCaseForm.apiMs} ms | ${(results.newCaseForm.ms / Math.max(1, results.newCaseForm.apiMs)).toFixed(1)} |`,
      `| 2-group-by dashboard drawn | ${results.dashboard.ms} ms | GET /stats ${results.dashboard.apiMs} ms | ${(results.dashboard.ms / Math.max(1, results.dashboard.apiMs)).toFixed(1)} |`,
      '',
    ].join('\n');
    console.log(table);
    const dir = join(__dirname, '../results');
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'web.json'), JSON.stringify(results, null, 2));
    await writeFile(join(dir, 'web.md'), table);
    const failed = results.routes.filter((r) => !r.pass).map((r) => r.route);
    if (failed.length > 0) {
      console.error(`Budget FAILED: ${failed.join(', ')}`);
      process.exitCode = 1;
    } else console.log('Budgets: PASS');
  } finally {
    await browser.close();
    await app.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
