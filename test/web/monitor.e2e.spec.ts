import request from 'supertest';
import { Browser, Page } from 'playwright-core';
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
});
