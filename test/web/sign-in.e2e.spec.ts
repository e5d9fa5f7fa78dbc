import request from 'supertest';
import { Browser, Page } from 'playwright-core';
import {
  acceptInvitation,
  enrolTotp,
  GOOD_PASSWORD,
  invitationCode,
  totpCode,
} from '../support/sign-in';
import { createTestWorkspace, TestWorkspace } from '../support/workspaces';
import { launchBrowser, missingTranslations, newContext, screenshot } from './support/browser';
import { pick, type } from './support/forms';
import { signInThroughForm } from './support/sign-in';
import { RunningWebApp, startWebApp } from './support/web-app';

const PASSWORD = 'quiet river orchard 5823';

/**
 * Acceptance (issue 13) in the browser: invite → set a password → enrol TOTP (codes computed
 * here from the key on screen) → sign out → sign in with password and code → record a case →
 * sign out everywhere from a second browser: the first lands on sign-in at its next request.
 */
// A browser test clicks through whole screens: minutes on a loaded machine, not seconds.
jest.setTimeout(240_000);

describe('a person signs in through the browser', () => {
  let app: RunningWebApp;
  let ws: TestWorkspace;
  let browser: Browser;
  const admin = () => ({ Authorization: `Bearer ${ws.tokens.admin}` });

  beforeAll(async () => {
    app = await startWebApp('pglite');
    ws = await createTestWorkspace(app.server, 'Almaty Monitors', []);
    browser = await launchBrowser();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  const newPage = async (): Promise<Page> =>
    (await newContext(browser, { baseURL: app.baseURL })).newPage();

  it('invite → password → TOTP → sign out → sign in with a code → record a case → signed out everywhere from a second browser', async () => {
    await request(app.server)
      .put(`/workspaces/${ws.id}/second-factor`)
      .set(admin())
      .send({ requiredFor: 'everyone' })
      .expect(200);
    const invitation = await request(app.server)
      .post(`/workspaces/${ws.id}/invitations`)
      .set(admin())
      .send({ name: 'Gulnara Sadykova', role: 'monitor' })
      .expect(201);

    // The link is passed on by hand; its path and code are what the person opens.
    const page = await newPage();
    await page.goto(`/invite?code=${invitationCode(invitation.body.url as string)}`);
    await type(page, 'Choose a sign-in name', 'gulnara');
    await type(page, 'Choose a password', PASSWORD);
    await type(page, 'Repeat the password', PASSWORD);
    await page.getByRole('button', { name: 'Save and continue' }).click();

    const shown = await page.getByTestId('totp-secret').textContent();
    const secret = (shown ?? '').replace(/\s/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await type(page, 'The six-digit code the app now shows', totpCode(secret));
    await page.getByRole('button', { name: 'Confirm' }).click();

    const codes = page.getByTestId('recovery-codes').locator('code');
    await codes.first().waitFor();
    const recoveryCodes = await codes.allTextContents();
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    for (const code of recoveryCodes) expect(code).toMatch(/^[0-9a-z]{4}(-[0-9a-z]{4}){3}$/);
    await screenshot(page, 'recovery-codes');
    await page.getByRole('button', { name: 'I have saved them' }).click();
    await page.waitForURL('**/cases/new');
    await expect(page.getByTestId('signed-in-as').textContent()).resolves.toContain(
      'Gulnara Sadykova',
    );

    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.waitForURL('**/sign-in');
    // Signed out for real: opening the form again asks for the password (and a code).
    // The step after the one the enrolment used: a code is never accepted twice.
    await signInThroughForm(page, {
      login: 'gulnara',
      password: PASSWORD,
      code: totpCode(secret, 1),
    });

    await type(page, 'Title', 'Detention of Gulnara Sadykova’s colleague at the rally');
    await pick(page, 'Type of incident', 'Detention');
    await pick(page, 'Country', 'Kazakhstan');
    await pick(page, 'Month', 'March');
    await type(page, 'Year', '2022');
    const target = page.getByRole('group', { name: 'Target 1' });
    await type(target, 'Full name', 'Askar Nurlanov');
    await pick(target, 'Category', 'Political activist');
    await page.getByTestId('submit-case').click();
    await page.getByTestId('recorded').waitFor();
    const found = await request(app.server)
      .get('/incidents')
      .query({ q: 'rally' })
      .set(admin())
      .expect(200);
    expect(found.body.items).toHaveLength(1);
    expect(found.body.items[0]).toMatchObject({ country: 'KZ', type: 'detention' });

    // A second browser (another device), signed in with a recovery code, signs out everywhere.
    const other = await newPage();
    await signInThroughForm(other, {
      login: 'gulnara',
      password: PASSWORD,
      code: recoveryCodes[0],
    });
    await other.getByRole('button', { name: 'Sign out everywhere' }).click();
    await other.waitForURL('**/sign-in');

    // The first browser's next request is refused and the app sends the person to sign-in.
    const refused = page.waitForResponse((r) => new URL(r.url()).pathname === '/incidents');
    await page.getByRole('link', { name: 'Cases' }).click();
    expect((await refused).status()).toBe(401);
    await page.waitForURL('**/sign-in?next=%2Fcases');
    expect(await missingTranslations(page)).toEqual([]);

    const audit = await request(app.server).get('/audit?limit=200').set(admin()).expect(200);
    expect(audit.text).not.toContain(PASSWORD);
    expect(audit.text).not.toContain(secret);
  });

  it('adds a passkey beside the app and signs in with it instead of a code; its answer does not sign in twice', async () => {
    const invitation = await request(app.server)
      .post(`/workspaces/${ws.id}/invitations`)
      .set(admin())
      .send({ name: 'Kanat Ospanov', role: 'monitor' })
      .expect(201);
    const kanat = await acceptInvitation(app.server, invitation.body.url, 'kanat');
    const { secret } = await enrolTotp(kanat);

    // WebAuthn needs a domain for its relying party: localhost, not 127.0.0.1.
    const context = await newContext(browser, {
      baseURL: app.baseURL.replace('127.0.0.1', 'localhost'),
    });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('WebAuthn.enable');
    await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: {
        protocol: 'ctap2',
        transport: 'internal',
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
        automaticPresenceSimulation: true,
      },
    });
    await signInThroughForm(page, { login: 'kanat', code: totpCode(secret, 1) });
    await page.getByRole('button', { name: 'Add a passkey' }).click();
    await page.getByText('Passkey added').waitFor();
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.waitForURL('**/sign-in');

    await page.goto('/cases/new');
    await page.waitForURL('**/sign-in?next=%2Fcases%2Fnew');
    await type(page, 'Sign-in name', 'kanat');
    await type(page, 'Password', GOOD_PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    const answered = page.waitForRequest(
      (r) => r.url().endsWith('/auth/sign-in') && (r.postData() ?? '').includes('"passkey"'),
    );
    await page.getByRole('button', { name: 'Use your passkey' }).click();
    const answer = (await answered).postDataJSON() as Record<string, unknown>;
    await page.waitForURL('**/cases/new');
    expect(await missingTranslations(page)).toEqual([]);
    await screenshot(page, 'passkey-signed-in');

    // Replayed, the signed challenge is spent; a made-up answer is only a wrong second factor.
    await request(app.server).post('/auth/sign-in').send(answer).expect(401);
    await request(app.server)
      .post('/auth/sign-in')
      .send({ login: 'kanat', password: GOOD_PASSWORD, passkey: { id: 'x', response: {} } })
      .expect(401);
    const audit = await request(app.server).get('/audit?limit=200').set(admin()).expect(200);
    const actions = (audit.body.entries as { action: string }[]).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['passkey added', 'sign-in with a passkey']));
    await context.close();
  });
});
