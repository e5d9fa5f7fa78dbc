import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import request from 'supertest';
import { Browser, Page } from 'playwright-core';
import { createTestWorkspace, TestWorkspace } from '../support/workspaces';
import {
  accessibilityProblems,
  bytesOf,
  launchBrowser,
  missingTranslations,
  newContext,
  screenshot,
} from './support/browser';
import { field, pick, pickByKeyboard, tabTo, type, typeByKeyboard } from './support/forms';
import { Credentials, givePassword, signInThroughForm } from './support/sign-in';
import { RunningWebApp, startWebApp } from './support/web-app';

const TITLE = 'Death of Dulat Agadil in pre-trial detention';

const normalise = (text: string) => text.replace(/[\s\u00a0\u202f]+/g, ' ').trim();

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
  let monitor: Credentials;
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
    monitor = await givePassword(app.server, ws, ws.userIds.monitor, 'aliya');
    browser = await launchBrowser();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  /** A new browser in which the monitor signs in through the form and opens `path`. */
  const monitorPage = async (path: string): Promise<Page> => {
    const context = await newContext(browser, { baseURL: app.baseURL });
    const page = await context.newPage();
    await signInThroughForm(page, monitor, path);
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

    // The list is a projection: it shows the case a moment after the case page does.
    expect(await settled(async () => (await incidentsTitled('Dulat Agadil')).length, 1)).toBe(1);
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

  it('keeps a draft typed offline (by keyboard alone) through a reload, and records it once however often it is sent', async () => {
    const title = 'Summons of a journalist after the memorial';
    const page = await monitorPage('/cases/new');
    await field(page, 'Title').waitFor();
    await page.context().setOffline(true);
    // No mouse: Tab from control to control, type, pick with the arrows, send with Enter.
    await typeByKeyboard(page, 'Title', title);
    await pickByKeyboard(page, 'Type of incident', 'Summons for questioning');
    await pickByKeyboard(page, 'Country', 'Kazakhstan');
    await pickByKeyboard(page, 'Month', 'March');
    await typeByKeyboard(page, 'Year', '2020');
    await typeByKeyboard(page, 'Full name', 'Aidos Sadykov');
    await pickByKeyboard(page, 'Category', 'Journalist or blogger');
    await tabTo(page, 'Add a perpetrator');
    await page.keyboard.press('Enter');
    await pickByKeyboard(page, 'Source of threat 1', 'Police');
    await tabTo(page, 'Record the case');
    await page.keyboard.press('Enter');
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
    // Recorded, though the browser never heard (the list is a projection: it may lag a moment).
    expect(await settled(async () => (await incidentsTitled('memorial')).length, 1)).toBe(1);
    await page.getByTestId('submit-case').click();
    await page.getByTestId('recorded').waitFor();
    expect(lost).toBe(1);
    const recorded = await incidentsTitled('memorial');
    expect(recorded).toHaveLength(1);
    // Everything typed by keyboard, kept through the reload, is what was recorded.
    const read = await request(app.server)
      .get(`/incidents/${recorded[0].id}`)
      .set(bearer(ws.tokens.monitor))
      .expect(200);
    expect(read.body).toMatchObject({
      title,
      type: 'summons',
      country: 'KZ',
      occurred: { date: '2020-03', precision: 'month' },
      perpetrators: [{ source: 'police', role: 'main' }],
      targets: [{ kind: 'person', category: 'journalist' }],
    });
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
    // Tajikistan: no other case in this file is there, so exactly these two match.
    await report('Journalist summoned in Dushanbe', 'TJ', 'journalist');
    await report('Journalist summoned in Khujand', 'TJ', 'journalist');
    await report('Journalist summoned in Osh', 'KG', 'journalist');
    await report('Lawyer summoned in Dushanbe', 'TJ', 'lawyer');
    // The list and the counts are projections: on a loaded machine they catch up a moment
    // after the 201s, so the API's own answers are awaited before the page is compared to them.
    const fromApi = async (path: string) =>
      (await request(app.server).get(path).set(bearer(ws.tokens.monitor)).expect(200)).body;
    const listPath = '/incidents?country=TJ&targetCategory=journalist';
    const statsPath = '/stats?measure=incidents&country=TJ&targetCategory=journalist';
    expect(await settled(async () => (await fromApi(listPath)).items.length, 2)).toBe(2);
    expect(await settled(async () => (await fromApi(statsPath)).total, 2)).toBe(2);
    const expected = ((await fromApi(listPath)).items as { id: string }[]).map((i) => i.id).sort();
    const stats = { body: await fromApi(statsPath) };

    const page = await monitorPage('/cases');
    const table = page.getByTestId('cases-table');
    await table.locator('tbody tr').first().waitFor();
    await pick(page, 'Country', 'Tajikistan');
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
    expect(address.searchParams.getAll('country')).toEqual(['TJ']);
    expect(address.searchParams.getAll('targetCategory')).toEqual(['journalist']);

    // Bookmarked: the same address, opened again, shows the same filter and the same cases.
    await page.reload();
    await table.locator('tbody tr').first().waitFor();
    expect(await settled(shownIds, expected)).toEqual(expected);
    expect(await settled(counts, countsText)).toBe(countsText);
    await page.getByText('Tajikistan', { exact: true }).first().waitFor();
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

  it('adds a target, a perpetrator, a source and an outcome on the case page; an administrator marks it a duplicate and undoes that', async () => {
    const report = async (title: string) =>
      (
        await request(app.server)
          .post('/incidents')
          .set(bearer(ws.tokens.monitor))
          .send({
            title,
            country: 'KZ',
            occurred: { date: '2020-06', precision: 'month' },
            type: 'detention',
          })
          .expect(201)
      ).body.id as string;
    const id = await report('Detention of a trade unionist in Zhanaozen');
    const survivor = await report('Trade unionist detained in Zhanaozen (first report)');
    const read = async () =>
      (await request(app.server).get(`/incidents/${id}`).set(bearer(ws.tokens.monitor)).expect(200))
        .body;

    const page = await monitorPage(`/cases/${id}`);
    const history = page.getByTestId('history');
    const target = page.getByTestId('add-targets');
    await type(target, 'Full name', 'Yerlan Kaliev');
    await pick(target, 'Category', 'Trade union activist');
    await target.getByRole('button', { name: 'Add the target' }).click();
    await history.getByText('Target added').waitFor();

    await page.getByRole('tab', { name: 'Perpetrator' }).click();
    const perpetrator = page.getByTestId('add-perpetrators');
    await pick(perpetrator, 'Source of threat', 'Police');
    await type(perpetrator, 'Unit or office', 'Zhanaozen city police');
    await perpetrator.getByRole('button', { name: 'Add the perpetrator' }).click();
    await history.getByText('Perpetrator added').waitFor();

    await page.getByRole('tab', { name: 'Source' }).click();
    const source = page.getByTestId('add-sources');
    await type(source, 'Title of the source', 'Statement of the trade union');
    await type(source, 'Address (URL)', 'https://example.org/statement');
    await source.getByRole('button', { name: 'Add the source' }).click();
    await history.getByText('Source attached').waitFor();

    await page.getByRole('tab', { name: 'Outcome' }).click();
    const outcome = page.getByTestId('add-outcomes');
    await pick(outcome, 'What happened', 'Charged');
    await type(outcome, 'Date (YYYY-MM-DD)', '2020-06-20');
    await outcome.getByRole('button', { name: 'Record the outcome' }).click();
    await history.getByText('Outcome recorded').waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'case-additions');

    const added = await read();
    expect(added).toMatchObject({
      version: 5,
      perpetrators: [{ source: 'police', role: 'main', unit: 'Zhanaozen city police' }],
      sources: [{ title: 'Statement of the trade union', url: 'https://example.org/statement' }],
      outcomes: [{ type: 'charged', date: '2020-06-20' }],
    });
    expect(
      added.targets.map((t: { kind: string; category: string }) => [t.kind, t.category]),
    ).toEqual([['person', 'trade_union_activist']]);
    await page.context().close();

    // Marking duplicates is a reviewer's work: the workspace's administrator here.
    const context = await newContext(browser, { baseURL: app.baseURL, token: ws.tokens.admin });
    const admin = await context.newPage();
    await admin.goto(`/cases/${id}`);
    await pick(admin, 'Duplicate of', 'Trade unionist detained in Zhanaozen (first report)');
    await admin.getByRole('button', { name: 'Mark as a duplicate' }).click();
    await admin.getByTestId('duplicate-of').waitFor();
    expect(await read()).toMatchObject({ status: 'duplicate', duplicateOf: survivor });
    await admin.getByRole('button', { name: 'Not a duplicate after all' }).click();
    await admin.getByTestId('history').getByText('No longer a duplicate').waitFor();
    const undone = await read();
    expect(undone.status).toBe('recorded');
    expect(undone.duplicateOf).toBeUndefined();
    await context.close();
  });
});
