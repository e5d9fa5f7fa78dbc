/**
 * The web app's budgets (issue 14), in a real Chromium against the API in this process on a
 * fresh PostgreSQL schema:
 *
 * - JavaScript each route loads, gzip (what a weak connection carries): sign-in and new case
 *   must stay ≤ 250 KB; the chart code (vega) must load only when the dashboard opens;
 * - time from navigation to the new-case form being usable, beside the bare API call for the
 *   data it needs (GET /vocabularies) in the same run;
 * - time from navigation to a two-group-by dashboard drawn at BENCH_INCIDENTS incidents
 *   (about 10,000, imported as a monitoring sheet), beside the bare GET /stats for the same
 *   query in the same run.
 *
 * Times are medians of BENCH_REPS page loads (a fresh browser context each: nothing cached).
 *
 *   npm run bench:web
 *   BENCH_ROWS=3000 BENCH_REPS=3 npm run bench:web
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
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

const ROWS = Number(process.env.BENCH_ROWS ?? 14_000);
const REPS = Number(process.env.BENCH_REPS ?? 5);
const BUDGET_KB = 250;
const DASHBOARD = 'measure=acts&groupBy=month,targetCategory';
const DASHBOARD_PAGE = '/dashboard?measure=acts&g1=month&g2=targetCategory';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;

interface RouteLoad {
  route: string;
  scripts: { name: string; gzip: number }[];
  gzipTotal: number;
  chartLoaded: boolean;
}

/** The scripts a route loads, each gzipped as a server would send it. */
async function scriptsOf(
  browser: Browser,
  baseURL: string,
  route: string,
  token: string | undefined,
  ready: string,
): Promise<RouteLoad> {
  const context = await newContext(browser, { baseURL, token });
  const page = await context.newPage();
  const scripts: { name: string; gzip: number }[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() !== 'script') return;
    void response
      .body()
      .then((body) =>
        scripts.push({ name: new URL(response.url()).pathname, gzip: gzipSync(body).length }),
      );
  });
  await page.goto(route);
  await page.locator(ready).first().waitFor();
  await page.waitForLoadState('networkidle');
  await context.close();
  const gzipTotal = scripts.reduce((sum, s) => sum + s.gzip, 0);
  return { route, scripts, gzipTotal, chartLoaded: scripts.some((s) => /Chart-/.test(s.name)) };
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
      routes: routes.map((r) => ({
        route: r.route,
        gzipKB: kb(r.gzipTotal),
        withinBudget: r.gzipTotal <= BUDGET_KB * 1024,
        chartLoaded: r.chartLoaded,
        scripts: r.scripts.map((s) => `${s.name} ${kb(s.gzip)} KB`),
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
      '| route | JS loaded (gzip) | budget | chart code loaded |',
      '| --- | --- | --- | --- |',
      ...results.routes.map(
        (r) =>
          `| ${r.route} | ${r.gzipKB} KB | ${r.route === DASHBOARD_PAGE ? '–' : r.withinBudget ? `≤ ${BUDGET_KB} KB: PASS` : `> ${BUDGET_KB} KB: FAIL`} | ${r.chartLoaded ? 'yes' : 'no'} |`,
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
  } finally {
    await browser.close();
    await app.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
