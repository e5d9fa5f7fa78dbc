import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import request from 'supertest';
import { Browser, Download, Page } from 'playwright-core';
import { createTestWorkspace, TestWorkspace } from '../support/workspaces';
import {
  accessibilityProblems,
  launchBrowser,
  missingTranslations,
  newContext,
  screenshot,
} from './support/browser';
import { field, pick, type } from './support/forms';
import { RunningWebApp, startWebApp } from './support/web-app';

const TITLE = 'Death of Dulat Agadil in pre-trial detention';

const normalise = (text: string) => text.replace(/[\s\u00a0\u202f]+/g, ' ').trim();

async function bytesOf(download: Download): Promise<Buffer> {
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Retries `read` until it equals `expected` (the page catches up with its data), then compares. */
async function settled<T>(read: () => Promise<T>, expected: T, ms = 15_000): Promise<T> {
  const until = Date.now() + ms;
  let value = await read();
  while (JSON.stringify(value) !== JSON.stringify(expected) && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    value = await read();
  }
  return value;
}

/**
 * Acceptance (issue 14): a monitor records a case through the form, corrects it with a reason
 * and reads the history; a stale second browser gets the conflict view; an offline draft
 * survives a reload and is recorded once however often it is sent.
 */
// A browser test clicks through whole screens: minutes on a loaded machine, not seconds.
jest.setTimeout(240_000);

describe('a monitor in the browser', () => {
  let app: RunningWebApp;
  let ws: TestWorkspace;
  let browser: Browser;
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  const incidentsTitled = async (q: string) =>
    (
      await request(app.server)
        .get('/incidents')
        .query({ q })
        .set(bearer(ws.tokens.monitor))
        .expect(200)
    ).body.items as { id: string }[];

  beforeAll(async () => {
    app = await startWebApp('postgres');
    ws = await createTestWorkspace(app.server, 'Kazakhstan Bureau', ['monitor']);
    browser = await launchBrowser();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  const monitorPage = async (path: string): Promise<Page> => {
    const context = await newContext(browser, { baseURL: app.baseURL, token: ws.tokens.monitor });
    const page = await context.newPage();
    await page.goto(path);
    return page;
  };

  let caseUrl = '';

  it('records the Agadil case through the form: February 2020, Astana, death in custody, two targets', async () => {
    const page = await monitorPage('/cases/new');
    await type(page, 'Title', TITLE);
    await pick(page, 'Type of incident', 'Death in custody');
    await pick(page, 'Country', 'Kazakhstan');
    await pick(page, 'Region', 'Astana');
    await type(page, 'Place', 'Nur-Sultan');
    await pick(page, 'Month', 'February');
    await type(page, 'Year', '2020');
    await expect(page.getByTestId('occurred-preview').textContent()).resolves.toContain(
      'February 2020',
    );

    const first = page.getByRole('group', { name: 'Target 1' });
    await type(first, 'Full name', 'Dulat Agadil');
    await pick(first, 'Category', 'Political activist');
    await page.getByRole('button', { name: 'Add a target' }).click();
    const second = page.getByRole('group', { name: 'Target 2' });
    await pick(second, 'Who', 'An organisation not yet recorded');
    await type(second, 'Name of the organisation', 'QDT');
    await pick(second, 'Category', 'Political party or movement');
    await page.getByRole('button', { name: 'Add a perpetrator' }).click();
    await pick(page, 'Source of threat 1', 'Police');
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'new-case');

    await page.getByTestId('submit-case').click();
    await page.getByTestId('recorded').waitFor();
    await page.getByRole('link', { name: 'Open it' }).click();
    await page.getByTestId('case-title').waitFor();
    caseUrl = new URL(page.url()).pathname;

    const [incident] = await incidentsTitled('Dulat Agadil');
    const read = await request(app.server)
      .get(`/incidents/${incident.id}`)
      .set(bearer(ws.tokens.monitor))
      .expect(200);
    expect(read.body).toMatchObject({
      title: TITLE,
      type: 'death_in_custody',
      country: 'KZ',
      region: 'KZ-71',
      place: 'Nur-Sultan',
      occurred: { date: '2020-02', precision: 'month' },
      perpetrators: [{ source: 'police', role: 'main' }],
    });
    expect(
      read.body.targets.map((t: { kind: string; category: string }) => [t.kind, t.category]),
    ).toEqual([
      ['person', 'political_activist'],
      ['organisation', 'political_party'],
    ]);
    // Shown as recorded: a month, never its first day.
    const body = await page.locator('main').textContent();
    expect(body).toContain('February 2020');
    expect(body).not.toContain('2020-02-01');
    await page.context().close();
  });

  it('corrects the place with a reason, reads it in the history; a stale browser gets the conflict view', async () => {
    const stale = await monitorPage(caseUrl);
    await stale.getByTestId('correction-form').waitFor();
    const page = await monitorPage(caseUrl);
    await page.getByTestId('correction-form').waitFor();

    const form = page.getByTestId('correction-form');
    await type(form, 'New value', 'Pre-trial detention centre, Nur-Sultan');
    await pick(form, 'Reason', 'New evidence');
    await type(form, 'Note (optional)', 'The family statement names the detention centre.');
    await form.getByRole('button', { name: 'Save the correction' }).click();
    const history = page.getByTestId('history');
    await history.getByText('Pre-trial detention centre, Nur-Sultan').waitFor();
    const entry = await history.textContent();
    expect(entry).toContain('Corrected');
    expect(entry).toContain('Place: Nur-Sultan → Pre-trial detention centre, Nur-Sultan');
    expect(entry).toContain('Why: New evidence — The family statement names the detention centre.');
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'case-page');

    // The other browser still shows version 1 and corrects the title: nothing is overwritten.
    const staleForm = stale.getByTestId('correction-form');
    await pick(staleForm, 'Field', 'Title');
    await type(
      staleForm,
      'New value',
      'Death of activist Dulat Agadil in the Astana detention centre',
    );
    await pick(staleForm, 'Reason', 'Typo');
    await staleForm.getByRole('button', { name: 'Save the correction' }).click();
    const conflict = stale.getByTestId('conflict');
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain(
      'Place: Nur-Sultan → Pre-trial detention centre, Nur-Sultan',
    );
    await screenshot(stale, 'case-conflict');
    const [incident] = await incidentsTitled('Dulat Agadil');
    const before = await request(app.server)
      .get(`/incidents/${incident.id}`)
      .set(bearer(ws.tokens.monitor));
    expect(before.body).toMatchObject({ version: 2, title: TITLE });

    await conflict
      .getByRole('button', { name: 'Apply my correction to the current version' })
      .click();
    await stale
      .getByTestId('history')
      .getByText('Astana detention centre', { exact: false })
      .waitFor();
    const after = await request(app.server)
      .get(`/incidents/${incident.id}`)
      .set(bearer(ws.tokens.monitor));
    expect(after.body).toMatchObject({
      version: 3,
      place: 'Pre-trial detention centre, Nur-Sultan',
      title: 'Death of activist Dulat Agadil in the Astana detention centre',
    });
    await page.context().close();
    await stale.context().close();
  });

  it('keeps a draft typed offline through a reload, and records it once however often it is sent', async () => {
    const title = 'Summons of a journalist after the memorial';
    const page = await monitorPage('/cases/new');
    await field(page, 'Title').waitFor();
    await page.context().setOffline(true);
    await type(page, 'Title', title);
    await pick(page, 'Type of incident', 'Summons for questioning');
    await pick(page, 'Country', 'Kazakhstan');
    await pick(page, 'Month', 'March');
    await type(page, 'Year', '2020');
    await page.getByTestId('submit-case').click();
    await page.getByTestId('offline').waitFor();
    expect(await incidentsTitled('memorial')).toEqual([]);

    await page.context().setOffline(false);
    await page.reload();
    await expect(field(page, 'Title').inputValue()).resolves.toBe(title);
    await expect(page.getByTestId('occurred-preview').textContent()).resolves.toContain(
      'March 2020',
    );

    // The first send reaches the server but its answer is lost on the way back.
    let lost = 0;
    await page.route('**/incidents', async (route) => {
      if (route.request().method() !== 'POST' || lost > 0) return route.continue();
      lost++;
      await route.fetch();
      await route.abort('connectionreset');
    });
    await page.getByTestId('submit-case').click();
    await page.getByTestId('offline').waitFor();
    expect(await incidentsTitled('memorial')).toHaveLength(1);
    await page.getByTestId('submit-case').click();
    await page.getByTestId('recorded').waitFor();
    expect(lost).toBe(1);
    expect(await incidentsTitled('memorial')).toHaveLength(1);
    expect(await missingTranslations(page)).toEqual([]);
    await screenshot(page, 'offline-draft-recorded');
    await page.context().close();
  });

  it('filters the cases by country and category through the controls: the same incidents as GET /incidents, and the address keeps the filter', async () => {
    const report = (title: string, country: string, category: string) =>
      request(app.server)
        .post('/incidents')
        .set(bearer(ws.tokens.monitor))
        .send({
          title,
          country,
          occurred: { date: '2020-04', precision: 'month' },
          type: 'summons',
          targets: [{ person: { name: `Person in ${title}` }, category }],
        })
        .expect(201);
    await report('Journalist summoned in Almaty', 'KZ', 'journalist');
    await report('Journalist summoned in Oral', 'KZ', 'journalist');
    await report('Journalist summoned in Osh', 'KG', 'journalist');
    await report('Lawyer summoned in Almaty', 'KZ', 'lawyer');
    const api = await request(app.server)
      .get('/incidents?country=KZ&targetCategory=journalist')
      .set(bearer(ws.tokens.monitor))
      .expect(200);
    const expected = (api.body.items as { id: string }[]).map((i) => i.id).sort();
    expect(expected).toHaveLength(2);
    const stats = await request(app.server)
      .get('/stats?measure=incidents&country=KZ&targetCategory=journalist')
      .set(bearer(ws.tokens.monitor))
      .expect(200);

    const page = await monitorPage('/cases');
    const table = page.getByTestId('cases-table');
    await table.locator('tbody tr').first().waitFor();
    await pick(page, 'Country', 'Kazakhstan');
    await page.keyboard.press('Escape');
    await pick(page, 'Target category', 'Journalist or blogger');
    await page.keyboard.press('Escape');
    const shownIds = async () =>
      (
        await table
          .locator('tbody tr')
          .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-incident-id') ?? ''))
      ).sort();
    expect(await settled(shownIds, expected)).toEqual(expected);
    const counts = async () =>
      normalise((await page.getByTestId('case-counts').textContent()) ?? '');
    const countsText = `${stats.body.total} incidents, ${stats.body.total} acts match these filters`;
    expect(await settled(counts, countsText)).toBe(countsText);
    const address = new URL(page.url());
    expect(address.searchParams.getAll('country')).toEqual(['KZ']);
    expect(address.searchParams.getAll('targetCategory')).toEqual(['journalist']);

    // Bookmarked: the same address, opened again, shows the same filter and the same cases.
    await page.reload();
    await table.locator('tbody tr').first().waitFor();
    expect(await settled(shownIds, expected)).toEqual(expected);
    expect(await settled(counts, countsText)).toBe(countsText);
    await page.getByText('Kazakhstan', { exact: true }).first().waitFor();
    await page.getByText('Journalist or blogger', { exact: true }).first().waitFor();
    await screenshot(page, 'cases-filtered');
    await page.context().close();
  });

  it('imports a sheet built from the template with two bad rows: those two rows named, the rest recorded, the progress bar at 100%', async () => {
    const page = await monitorPage('/import');
    const [template] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download the template (XLSX)' }).click(),
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await bytesOf(template)) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
    const example = (sheet.getRow(2).values as unknown[]).slice(1).map((v) => String(v ?? ''));
    const column = (name: string) => header.indexOf(name);
    expect(column('date')).toBeGreaterThanOrEqual(0);

    // Five incidents of one act each; the second and fourth are broken in one column each.
    const rows = [1, 2, 3, 4, 5].map((n) => {
      const row = [...example];
      row[column('title')] = `Imported detention ${n}`;
      row[column('target_name')] = `Imported person ${n}`;
      row[column('incident_ref')] = `IMP-${n}`;
      return row;
    });
    rows[1]![column('date')] = 'yesterday';
    rows[3]![column('country')] = 'Narnia';
    rows[3]![column('region')] = '';
    const upload = new ExcelJS.Workbook();
    const acts = upload.addWorksheet('acts');
    for (const row of [header, ...rows]) acts.addRow(row);
    const file = join(await mkdtemp(join(tmpdir(), 'rl-import-')), 'monitoring.xlsx');
    await writeFile(file, Buffer.from(await upload.xlsx.writeBuffer()));

    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByRole('button', { name: 'Sheet (CSV or XLSX)' }).click(),
    ]);
    await chooser.setFiles(file);
    const started = page.waitForResponse(
      (r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/imports',
    );
    await page.getByRole('button', { name: 'Check it' }).click();
    const { jobId } = (await (await started).json()) as { jobId: string };
    const problems = page.getByTestId('import-problems');
    await problems.waitFor();
    const job = await request(app.server)
      .get(`/jobs/${jobId}`)
      .set(bearer(ws.tokens.monitor))
      .expect(200);
    const shown = await problems
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')),
      );
    // Sheet rows 3 and 5 (the header is row 1), each with the column, value and message.
    expect(shown.map(([row, col, value]) => [row, col, value])).toEqual([
      ['3', 'date', 'yesterday'],
      ['5', 'country', 'Narnia'],
    ]);
    expect(shown).toEqual(
      (job.body.errors as { row: number; column: string; value: unknown; message: string }[]).map(
        (e) => [String(e.row), e.column, String(e.value), e.message],
      ),
    );
    expect(shown.every(([, , , message]) => message!.length > 0)).toBe(true);
    expect(await incidentsTitled('Imported detention')).toEqual([]);

    await page.getByTestId('import-record').click();
    await page.getByTestId('import-result').waitFor({ timeout: 120_000 });
    const progress = page.getByTestId('import-progress');
    expect(await progress.getAttribute('data-progress')).toBe('100');
    expect(await progress.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('100');
    expect(normalise((await page.getByTestId('import-result').textContent()) ?? '')).toContain(
      'Incidents recorded: 3',
    );
    const recorded = await request(app.server)
      .get('/incidents')
      .query({ q: 'Imported detention', limit: 50 })
      .set(bearer(ws.tokens.monitor))
      .expect(200);
    expect((recorded.body.items as { title: string }[]).map((i) => i.title).sort()).toEqual([
      'Imported detention 1',
      'Imported detention 3',
      'Imported detention 5',
    ]);
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'import');
    await page.context().close();
  });
});
