import request from 'supertest';
import { Browser, Page } from 'playwright-core';
import { createTestWorkspace, TestWorkspace } from '../support/workspaces';
import {
  accessibilityProblems,
  launchBrowser,
  missingTranslations,
  newContext,
  screenshot,
  settle,
} from './support/browser';
import { pick, type } from './support/forms';
import { clippedInHeader, horizontalOverflow, untranslatedTexts } from './support/screen-checks';
import { RunningWebApp, startWebApp } from './support/web-app';

// A browser test clicks through whole screens: minutes on a loaded machine, not seconds.
jest.setTimeout(300_000);

const normalise = (text: string) => text.replace(/[\s\u00a0\u202f]+/g, ' ').trim();

/** The names createTestWorkspace gives its users: data, not interface. */
const USER_NAMES = ['admin', 'monitor', 'analyst'];

/** A case as a monitor reports it, written in Russian so that no data reads as English. */
const report = (title: string, name: string, month: string) => ({
  title,
  country: 'KZ',
  occurred: { date: `2020-${month}`, precision: 'month' },
  type: 'detention',
  rights: ['freedom_of_peaceful_assembly'],
  perpetrators: [{ source: 'police', role: 'main' }],
  targets: [{ person: { name }, category: 'civil_activist' }],
});

/**
 * Issue 14: snapshots and the workspace admin screen through the browser, then every screen an
 * administrator and a visitor can open, in Russian, on a laptop and on a 360 px phone: no
 * English left, no missing translation, no serious axe violation, nothing scrolling sideways.
 */
describe('every screen in the browser, in Russian', () => {
  let app: RunningWebApp;
  let ws: TestWorkspace;
  let browser: Browser;
  let incidentId = '';
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

  /** A Russian-speaking administrator's tab (a token kept for the tab, as scripts sign in). */
  const adminPage = async (width = 1280): Promise<Page> => {
    const context = await newContext(browser, {
      baseURL: app.baseURL,
      locale: 'ru-RU',
      token: ws.tokens.admin,
      width,
    });
    return context.newPage();
  };

  beforeAll(async () => {
    app = await startWebApp('postgres');
    ws = await createTestWorkspace(app.server, 'Бюро по правам человека', ['monitor', 'analyst']);
    const created = await request(app.server)
      .post('/incidents')
      .set(bearer(ws.tokens.monitor))
      .send(report('Задержание участников митинга в Алматы', 'Айгуль Сапарова', '02'))
      .expect(201);
    incidentId = created.body.id;
    await request(app.server)
      .post('/incidents')
      .set(bearer(ws.tokens.monitor))
      .send(report('Арест блогера в Шымкенте', 'Ерлан Жумабаев', '03'))
      .expect(201);
    browser = await launchBrowser();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('pins two snapshots, lists them with their notes, and diffs them with the reason of the change between', async () => {
    const page = await adminPage();
    await page.goto('/snapshots');
    await page.getByText('Снимков пока нет.').waitFor();

    const pin = async (name: string, note: string) => {
      await type(page, 'Название', name);
      await type(page, 'Примечание', note);
      const pinned = page.waitForResponse(
        (r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/snapshots',
      );
      await page.getByRole('button', { name: 'Закрепить текущие цифры' }).click();
      expect((await pinned).status()).toBe(201);
      await page.getByTestId('snapshots-table').getByText(name).waitFor();
    };
    await pin('Доклад за февраль', 'Для ежемесячного доклада');
    const current = await request(app.server)
      .get(`/incidents/${incidentId}`)
      .set(bearer(ws.tokens.monitor))
      .expect(200);
    await request(app.server)
      .post(`/incidents/${incidentId}/corrections`)
      .set(bearer(ws.tokens.monitor))
      .set('If-Match', `"${current.body.version}"`)
      .send({
        field: 'place',
        value: 'Алматы, площадь Республики',
        reason: 'new_evidence',
        note: 'Уточнено по видео',
      })
      .expect(201);
    await pin('Доклад за март', 'После уточнения места');

    const listed = await request(app.server)
      .get('/snapshots')
      .set(bearer(ws.tokens.analyst))
      .expect(200);
    const rows = await page
      .getByTestId('snapshots-table')
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => tr.querySelectorAll('td')[0]?.textContent ?? ''));
    expect(rows.sort()).toEqual(
      (listed.body.snapshots as { name: string }[]).map((s) => s.name).sort(),
    );
    const [february, march] = ['Доклад за февраль', 'Доклад за март'].map(
      (name) =>
        (listed.body.snapshots as { id: string; name: string }[]).find((s) => s.name === name)!.id,
    );

    await pick(page, 'Ранний', 'Доклад за февраль');
    await pick(page, 'Поздний', 'Доклад за март');
    await page.getByRole('button', { name: 'Сравнить', exact: true }).click();
    const diff = page.getByTestId('snapshot-diff');
    await diff.waitFor();
    const api = await request(app.server)
      .get(`/snapshots/${february}/diff/${march}`)
      .set(bearer(ws.tokens.analyst))
      .expect(200);
    expect(api.body.counts.corrected).toBe(1);
    const changes = await diff
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [...tr.querySelectorAll('td')].slice(1).map((td) => td.textContent ?? '')),
      );
    const reasons = await request(app.server)
      .get('/vocabularies?lang=ru&name=correction_reason')
      .set(bearer(ws.tokens.analyst))
      .expect(200);
    const newEvidence = (reasons.body[0].terms as { code: string; label: string }[]).find(
      (term) => term.code === 'new_evidence',
    )!.label;
    expect(changes).toEqual([['Исправлено', 'Место', `${newEvidence} — Уточнено по видео`]]);
    expect(
      normalise((await page.getByTestId('snapshot-diff-counts').textContent()) ?? ''),
    ).toContain('Исправлено1');
    await screenshot(page, 'snapshots');
    await page.context().close();
  });

  it('shows the public switch as the server holds it, invites, creates a token and revokes it', async () => {
    await request(app.server)
      .put(`/workspaces/${ws.id}/public`)
      .set(bearer(ws.tokens.admin))
      .send({ enabled: true })
      .expect(200);
    const page = await adminPage();
    await page.goto('/admin');
    const publicSwitch = page.getByRole('switch', { name: 'Публиковать сводные цифры' });
    await expect_(async () => publicSwitch.isChecked(), true);

    await publicSwitch.click({ force: true });
    await expect_(async () => publicSwitch.isChecked(), false);
    const off = await request(app.server)
      .get(`/workspaces/${ws.id}/public`)
      .set(bearer(ws.tokens.admin))
      .expect(200);
    expect(off.body.enabled).toBe(false);
    await page.reload();
    await page.getByRole('heading', { name: 'Организация' }).waitFor();
    await settle(page);
    expect(await publicSwitch.isChecked()).toBe(false);

    const invite = page.getByRole('form', { name: 'Пригласить сотрудника' });
    await type(invite, 'Имя', 'Динара Ахметова');
    await pick(invite, 'Роль', 'Аналитик');
    await invite.getByRole('button', { name: 'Создать ссылку-приглашение' }).click();
    const link = (await page.getByTestId('invitation').locator('pre, code').textContent()) ?? '';
    // The code is base64url: letters, digits, "-" and "_".
    expect(link).toMatch(/\/invite\?code=[\w-]{43}$/);

    const tokens = page.getByRole('form', { name: 'Новый API-токен (для скриптов)' });
    await type(tokens, 'Имя', 'Скрипт выгрузки');
    await pick(tokens, 'Роль', 'Аналитик');
    await tokens.getByRole('button', { name: 'Создать токен' }).click();
    const token = normalise(
      (await page.getByTestId('new-token').locator('pre, code').textContent()) ?? '',
    );
    await request(app.server).get('/stats?measure=acts').set(bearer(token)).expect(200);

    const row = page
      .getByTestId('people-table')
      .locator('tbody tr', { hasText: 'Скрипт выгрузки' });
    await row.getByRole('button', { name: 'Отозвать' }).click();
    await row.getByText('Отозван', { exact: true }).waitFor();
    await request(app.server).get('/stats?measure=acts').set(bearer(token)).expect(401);
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'admin');
    await page.context().close();
  });

  it('on a 360 px phone keeps the header whole, and switches the language from the menu for good', async () => {
    const page = await adminPage(360);
    await page.goto('/cases');
    await page.getByRole('heading', { name: 'Случаи', level: 2 }).waitFor();
    expect(await clippedInHeader(page)).toEqual([]);
    // The language and the session's buttons wait in the menu, not squeezed into the bar.
    const signOut = page.getByRole('button', { name: 'Выйти', exact: true });
    expect(await page.locator('header').getByRole('button', { name: 'Выйти' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Меню' }).click();
    // The menu slides in: its buttons end up on the screen, whole.
    await expect_(async () => ((await signOut.boundingBox())?.x ?? -1) >= 0, true);
    const box = (await signOut.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(360);
    await screenshot(page, 'ru-360-menu-open');
    await page.getByRole('combobox', { name: 'Язык' }).selectOption('en');
    await page.getByRole('heading', { name: 'Cases', level: 2 }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Cases', level: 2 }).waitFor();
    expect(await page.evaluate<string>('document.documentElement.lang')).toBe('en');
    expect(await missingTranslations(page)).toEqual([]);
    // A tablet: the side navigation shows, the bar keeps its buttons whole.
    await page.setViewportSize({ width: 768, height: 900 });
    expect(await clippedInHeader(page)).toEqual([]);
    await page.context().close();
  });

  /** Every screen: an administrator's (it may open all) and a visitor's, once prepared. */
  let screens: Promise<{ signedIn: string[]; visitor: string[] }> | undefined;
  const everyScreen = () =>
    (screens ??= (async () => {
      const invitation = await request(app.server)
        .post(`/workspaces/${ws.id}/invitations`)
        .set(bearer(ws.tokens.admin))
        .send({ name: 'Новый сотрудник', role: 'monitor' })
        .expect(201);
      await request(app.server)
        .put(`/workspaces/${ws.id}/public`)
        .set(bearer(ws.tokens.admin))
        .send({ enabled: true })
        .expect(200);
      return {
        signedIn: [
          '/cases/new',
          '/cases',
          `/cases/${incidentId}`,
          '/dashboard?measure=acts&g1=month&g2=targetCategory',
          '/snapshots',
          '/import',
          '/admin',
        ],
        visitor: ['/sign-in', inviteLink(invitation.body.url), `/figures/${ws.id}?groupBy=country`],
      };
    })());

  it.each([1280, 360])(
    'walks every screen %i px wide: Russian only, no missing key, no serious axe violation, nothing scrolling sideways',
    async (width) => {
      const { signedIn, visitor } = await everyScreen();
      const found: Record<string, unknown>[] = [];
      for (const path of [...signedIn, ...visitor]) {
        const context = await newContext(browser, {
          baseURL: app.baseURL,
          locale: 'ru-RU',
          width,
          ...(signedIn.includes(path) && { token: ws.tokens.admin }),
        });
        const page = await context.newPage();
        await page.goto(path);
        await page.getByRole('heading', { level: 2 }).first().waitFor();
        await settle(page);
        const problems = {
          path,
          english: await untranslatedTexts(page, USER_NAMES),
          missing: await missingTranslations(page),
          sideways: await horizontalOverflow(page),
          header: await clippedInHeader(page),
          axe: await accessibilityProblems(page),
        };
        const count =
          problems.english.length +
          problems.missing.length +
          problems.axe.length +
          problems.header.length;
        if (count > 0 || problems.sideways > 0) found.push(problems);
        await screenshot(page, `ru-${width}${path.replace(/[/?=&]+/g, '-')}`);
        await context.close();
      }
      expect(found).toEqual([]);
    },
    600_000,
  );
});

/** The invitation's address in this app (the API names it as configured). */
function inviteLink(url: string): string {
  const { pathname, search } = new URL(url, 'http://localhost');
  return pathname + search;
}

/** Retries `read` until it gives `expected` (the page catches up), then compares. */
async function expect_<T>(read: () => Promise<T>, expected: T, ms = 15_000): Promise<void> {
  const until = Date.now() + ms;
  let value = await read();
  while (value !== expected && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    value = await read();
  }
  expect(value).toBe(expected);
}
