import ExcelJS from 'exceljs';
import request from 'supertest';
import { Browser, Page, Response } from 'playwright-core';
import { kadyrKasiyet2020 } from '../acceptance/kadyr-kasiyet-2020/kadyr-kasiyet-2020.dataset';
import { uploadKadyrKasiyet2020 } from '../acceptance/kadyr-kasiyet-2020/kadyr-kasiyet-2020.sheet';
import { createTestWorkspace, TestWorkspace } from '../support/workspaces';
import {
  accessibilityProblems,
  bytesOf,
  launchBrowser,
  missingTranslations,
  newContext,
  screenshot,
  settle as settleOf,
} from './support/browser';
import { pick } from './support/forms';
import { RunningWebApp, startWebApp } from './support/web-app';

// A browser test clicks through whole screens: minutes on a loaded machine, not seconds.
jest.setTimeout(240_000);

const DASHBOARD_QUERY = 'measure=acts&groupBy=targetCategory&year=2020';
const normalise = (text: string) => text.replace(/[\s\u00a0\u202f]+/g, ' ').trim();

/**
 * Acceptance (issue 14): an analyst reads the Kadyr-Kasiyet 2020 figures on the dashboard in
 * Russian and downloads exactly them; walks every screen it may open without meeting a name;
 * the public page shows "<5" for a small cell.
 */
describe('an analyst in the browser, in Russian', () => {
  let app: RunningWebApp;
  let ws: TestWorkspace;
  let browser: Browser;
  let page: Page;
  const responses: { url: string; body: string }[] = [];
  const dataset = kadyrKasiyet2020();
  const names = dataset.persons.map((p) => p.name);
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    app = await startWebApp('postgres');
    ws = await createTestWorkspace(app.server, 'Kadyr-Kasiyet', ['monitor', 'analyst']);
    await uploadKadyrKasiyet2020(app.server, bearer(ws.tokens.monitor), dataset);
    // The read model follows the import: wait until it holds the whole year.
    for (let i = 0; i < 300; i++) {
      const { body } = await request(app.server)
        .get(`/stats?${DASHBOARD_QUERY}`)
        .set(bearer(ws.tokens.analyst))
        .expect(200);
      if (body.total === 1414) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    browser = await launchBrowser();
    const context = await newContext(browser, {
      baseURL: app.baseURL,
      locale: 'ru-RU',
      token: ws.tokens.analyst,
    });
    page = await context.newPage();
    page.on('response', (response: Response) => {
      if (!response.url().startsWith(app.baseURL) || response.url().includes('/assets/')) return;
      void response
        .text()
        .then((body) => responses.push({ url: response.url(), body }))
        .catch(() => undefined);
    });
  }, 900_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  /** The page has nothing left to load or draw. */
  const settle = () => settleOf(page);

  it('shows the Kadyr-Kasiyet 2020 figures on the dashboard, and downloads them as GET /stats answers', async () => {
    await page.goto(`/dashboard?measure=acts&g1=targetCategory&year=2020`);
    await page.getByTestId('stats-table').waitFor();
    await page.getByTestId('chart').locator('svg').waitFor();
    await settle();
    const api = await request(app.server)
      .get(`/stats?${DASHBOARD_QUERY}`)
      .set(bearer(ws.tokens.analyst))
      .expect(200);
    const vocabulary = await request(app.server)
      .get('/vocabularies?lang=ru&name=target_category')
      .set(bearer(ws.tokens.analyst))
      .expect(200);
    const russian = new Map<string, string>(
      vocabulary.body[0].terms.map((t: { code: string; label: string }) => [t.code, t.label]),
    );
    expect(api.body.rows).toHaveLength(8);
    expect(api.body.total).toBe(1414);

    const shown = await page
      .getByTestId('stats-table')
      .locator('tbody tr')
      .evaluateAll((rows) =>
        rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent ?? '')),
      );
    expect(shown.map(([label, value]) => [label, normalise(value)])).toEqual(
      api.body.rows.map((r: { keys: { targetCategory: string }; value: number }) => [
        russian.get(r.keys.targetCategory),
        normalise(new Intl.NumberFormat('ru').format(r.value)),
      ]),
    );
    expect(normalise((await page.getByTestId('stats-total').textContent()) ?? '')).toBe(
      'Всего: 1 414',
    );
    expect(await missingTranslations(page)).toEqual([]);
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'dashboard');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Скачать CSV' }).click(),
    ]);
    const csv = (await bytesOf(download)).toString('utf8');
    // The download asks in the language on screen: labels and title in Russian.
    const apiCsv = await request(app.server)
      .get(`/stats?${DASHBOARD_QUERY}&lang=ru`)
      .set(bearer(ws.tokens.analyst))
      .set('Accept', 'text/csv')
      .expect(200);
    expect(csv).toBe(apiCsv.text);
    expect(csv).toContain(`,${russian.get('journalist')},`);

    const [xlsx] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Скачать книгу (XLSX)' }).click(),
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await bytesOf(xlsx)) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const cells = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    const ru = await request(app.server)
      .get(`/stats?${DASHBOARD_QUERY}&lang=ru`)
      .set(bearer(ws.tokens.analyst))
      .expect(200);
    expect(cells(1)).toEqual([ru.body.title]);
    expect(cells(6)).toEqual(['Категория преследуемых', 'Акты']);
    expect([7, 8, 9, 10, 11, 12, 13, 14, 15].map(cells)).toEqual([
      ...ru.body.rows.map((r: { labels: { targetCategory: string }; value: number }) => [
        r.labels.targetCategory,
        r.value,
      ]),
      ['Итого', 1414],
    ]);

    // "As known on": a partial date in Russian (day, month by name, year; no mm/dd/yyyy),
    // asked of GET /stats as the end of what it names. Nothing was known at the end of 2020.
    expect(await page.locator('input[type=date]').count()).toBe(0);
    const asOf = page.getByRole('group', { name: 'По состоянию на' });
    expect(await asOf.locator('label').allTextContents()).toEqual(['День', 'Месяц', 'Год']);
    const asked = (until: string) =>
      page.waitForResponse((r) => new URL(r.url()).searchParams.get('asOf') === until);
    const endOf2020 = asked('2020-12-31T23:59:59Z');
    await asOf.getByLabel('Год').fill('2020');
    await endOf2020;
    await page.getByTestId('stats-total').getByText('0', { exact: true }).waitFor();
    const endOfFebruary = asked('2020-02-29T23:59:59Z');
    await pick(asOf, 'Месяц', 'февраль');
    await endOfFebruary;
    expect(new URL(page.url()).searchParams.get('asOf')).toBe('2020-02');
    // Emptying the year clears the date: the figures as known now.
    await asOf.getByLabel('Год').fill('');
    await page
      .getByTestId('stats-total')
      .getByText(/^1\s414$/)
      .waitFor();
    expect(new URL(page.url()).searchParams.has('asOf')).toBe(false);
  });

  it('walks every screen an analyst may open: Russian throughout, accessible, and no name anywhere', async () => {
    const navigation = page.getByRole('navigation');
    await page.goto('/cases?year=2020');
    await page.getByTestId('cases-table').locator('tbody tr').first().waitFor();
    await settle();
    const links = await navigation.getByRole('link').allTextContents();
    expect(links).toEqual(['Случаи', 'Статистика', 'Снимки']);
    const screens: string[] = ['/cases?year=2020'];

    await page.getByTestId('cases-table').locator('tbody tr a').first().click();
    await page.getByTestId('case-title').waitFor();
    await settle();
    screens.push(new URL(page.url()).pathname);
    expect(await accessibilityProblems(page)).toEqual([]);

    for (const path of [
      '/snapshots',
      '/dashboard?measure=persons&g1=month&g2=targetCategory&year=2020',
    ]) {
      await page.goto(path);
      await page.getByRole('heading', { level: 2 }).waitFor();
      await settle();
      screens.push(path);
      expect({ path, problems: await accessibilityProblems(page) }).toEqual({ path, problems: [] });
      expect({ path, missing: await missingTranslations(page) }).toEqual({ path, missing: [] });
    }
    // Screens it may not open send it home, and none of them shows in its navigation.
    await page.goto('/cases/new');
    await page.waitForURL((url) => url.pathname === '/dashboard');

    // Run in the page (a string: this file is compiled without the DOM's types).
    const storage = await page.evaluate<string>(`(async () => JSON.stringify({
      local: { ...localStorage },
      session: { ...sessionStorage },
      indexedDB: (await indexedDB.databases()).map((d) => d.name),
    }))()`);
    const seen = [await page.content(), storage, ...responses.map((r) => r.body)].join('\n');
    expect(responses.length).toBeGreaterThan(10);
    expect(names.filter((name) => seen.includes(name))).toEqual([]);
    expect(seen).not.toMatch(/Monitored person/);
    await screenshot(page, 'analyst-walk');
  });

  it('shows "<5" for a small cell on the public page, without signing in', async () => {
    await request(app.server)
      .post('/incidents')
      .set(bearer(ws.tokens.monitor))
      .send({
        title: 'Fine of a blogger in Bishkek',
        country: 'KG',
        occurred: { date: '2020-05', precision: 'month' },
        type: 'administrative_fine',
        targets: [{ person: { name: 'Monitored person in Bishkek' }, category: 'journalist' }],
      })
      .expect(201);
    await request(app.server)
      .put(`/workspaces/${ws.id}/public`)
      .set(bearer(ws.tokens.admin))
      .send({ enabled: true })
      .expect(200);
    // The figures are a projection that follows the 201: wait until the new case is counted.
    for (let i = 0; i < 150; i++) {
      const { body } = await request(app.server)
        .get(`/public/stats?workspace=${ws.id}&measure=acts&groupBy=country`)
        .expect(200);
      if ((body.rows as { keys: { country: string } }[]).some((r) => r.keys.country === 'KG'))
        break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    // An English browser on a page embedded with lang=ru: labels and words in Russian.
    const context = await newContext(browser, { baseURL: app.baseURL, locale: 'en-GB' });
    const visitor = await context.newPage();
    const answers: Promise<string>[] = [];
    visitor.on('response', (response: Response) => {
      if (response.url().startsWith(app.baseURL) && !response.url().includes('/assets/'))
        answers.push(response.text().catch(() => ''));
    });
    await visitor.goto(`/figures/${ws.id}?measure=acts&groupBy=country&lang=ru`);
    const table = visitor.getByTestId('public-table');
    await table.getByText('<5').waitFor();
    expect(normalise((await table.textContent()) ?? '')).toContain('Кыргызстан<5');
    await visitor.getByRole('heading', { name: 'Опубликованные цифры' }).waitFor();
    await visitor.waitForLoadState('networkidle');
    // No name on the public screen: not in the page, not in what it fetched, not in storage.
    const storage = await visitor.evaluate<string>(
      `JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage } })`,
    );
    const seen = [await visitor.content(), storage, ...(await Promise.all(answers))].join('\n');
    expect(answers.length).toBeGreaterThan(1);
    expect(seen).not.toContain('Bishkek');
    expect(names.filter((name) => seen.includes(name))).toEqual([]);
    expect(await accessibilityProblems(visitor)).toEqual([]);
    expect(await missingTranslations(visitor)).toEqual([]);
    await screenshot(visitor, 'public-figures');
    await context.close();
  });
});
