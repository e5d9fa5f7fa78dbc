import request from 'supertest';
import { Page } from 'playwright-core';
import { acceptInvitation, GOOD_PASSWORD } from '../../support/sign-in';
import { TestWorkspace } from '../../support/workspaces';
import { type } from './forms';

type Server = Parameters<typeof request>[0];

export interface Credentials {
  login: string;
  password?: string;
  /** A TOTP code or a recovery code, for a person with a second factor. */
  code?: string;
}

/**
 * Opens `path` (a screen for signed-in people), is sent to the sign-in form, signs in there as a
 * person does (no token or cookie put into the page) and waits until the app is back at `path`.
 */
export async function signInThroughForm(
  page: Page,
  credentials: Credentials,
  path = '/cases/new',
): Promise<void> {
  await page.goto(path);
  await page.waitForURL((url) => url.pathname === '/sign-in');
  await type(page, 'Sign-in name', credentials.login);
  await type(page, 'Password', credentials.password ?? GOOD_PASSWORD);
  const submit = page.getByRole('button', { name: 'Sign in', exact: true });
  await submit.click();
  if (credentials.code !== undefined) {
    await type(page, 'Code from your authenticator app', credentials.code);
    await submit.click();
  }
  await page.waitForURL((url) => url.pathname === path);
}

/**
 * Gives a workspace's existing user a password (an admin's reset of their sign-in, accepted
 * through the API) so a browser test can sign them in through the form as `login`.
 */
export async function givePassword(
  server: Server,
  ws: TestWorkspace,
  userId: string,
  login: string,
): Promise<Credentials> {
  const reset = await request(server)
    .post(`/workspaces/${ws.id}/users/${userId}/reset-sign-in`)
    .set({ Authorization: `Bearer ${ws.tokens.admin}` })
    .expect(201);
  const person = await acceptInvitation(server, reset.body.url as string, login);
  await person.agent.post('/auth/sign-out').set('X-CSRF-Token', person.csrf).expect(204);
  return { login };
}
