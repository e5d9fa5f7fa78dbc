import { request as httpRequest } from 'node:http';
import { AddressInfo, Server } from 'node:net';
import request from 'supertest';
import { migrateAuthSchema, TotpSecretBox } from '@app/auth';
import { SQL_CLIENT, SqlClient } from '@app/database';
import { startTestApp, TestApp } from '../support/test-app';
import { createTestWorkspace, TestWorkspace } from '../support/workspaces';
import {
  acceptInvitation,
  enrolTotp,
  GOOD_PASSWORD,
  invitationCode,
  totpCode,
} from '../support/sign-in';

/**
 * Acceptance (issue 13) through the API: invitations, passwords, a second factor, sessions,
 * the throttle, CSRF, disabling. The browser part is the web app's.
 */

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const report = {
  title: 'Detention after the rally',
  country: 'KZ',
  occurred: { date: '2020-02', precision: 'month' },
  type: 'detention',
  targets: [{ person: { name: 'Sign-in Person' }, category: 'civil_activist' }],
};

describe('sign-in for people', () => {
  let t: TestApp;
  let ws: TestWorkspace;
  const admin = () => bearer(ws.tokens.admin);

  const invite = async (name: string, role: string) => {
    const res = await request(t.server)
      .post(`/workspaces/${ws.id}/invitations`)
      .set(admin())
      .send({ name, role })
      .expect(201);
    return res.body as { invitationId: string; url: string; expiresAt: string };
  };

  beforeAll(async () => {
    // A short first delay, so the ten failures below take seconds, not minutes.
    t = await startTestApp('postgres', { SIGN_IN_DELAY_MS: '100' });
    ws = await createTestWorkspace(t.server, 'Sign-in NGO', ['monitor']);
  }, 60_000);
  afterAll(async () => t?.close());

  it('invite → accept → enrol TOTP → sign out → sign in with a code → record a case → sign out everywhere', async () => {
    await request(t.server)
      .put(`/workspaces/${ws.id}/second-factor`)
      .set(admin())
      .send({ requiredFor: 'everyone' })
      .expect(200);
    const invitation = await invite('Aigerim', 'monitor');
    expect(invitation.url).toMatch(/^http:\/\/localhost:3000\/invite\?code=[\w-]{43}$/);

    const preview = await request(t.server)
      .get(`/invitations/${invitationCode(invitation.url)}`)
      .expect(200);
    expect(preview.body).toEqual({
      name: 'Aigerim',
      role: 'monitor',
      workspaceName: 'Sign-in NGO',
      expiresAt: invitation.expiresAt,
      secondFactorRequired: true,
    });

    const weak = await request(t.server)
      .post(`/invitations/${invitationCode(invitation.url)}/accept`)
      .send({ login: 'aigerim', password: 'password1234' })
      .expect(400);
    expect(weak.body.errors).toEqual([
      { field: 'password', message: expect.stringContaining('common or breached') },
    ]);

    const agent = request.agent(t.server);
    const accepted = await agent
      .post(`/invitations/${invitationCode(invitation.url)}/accept`)
      .send({ login: 'aigerim', password: GOOD_PASSWORD })
      .expect(201);
    const cookie = String(accepted.headers['set-cookie']);
    expect(cookie).toMatch(
      /^rl_session=[\w-]{43}; Path=\/; Max-Age=\d+; HttpOnly; SameSite=Strict$/,
    );
    expect(accepted.body).toMatchObject({
      name: 'Aigerim',
      login: 'aigerim',
      workspaceId: ws.id,
      workspaceName: 'Sign-in NGO',
      role: 'monitor',
      secondFactor: { enrolled: false, required: true },
    });
    const csrf = accepted.body.csrfToken as string;
    // One use: the link is spent.
    await request(t.server)
      .get(`/invitations/${invitationCode(invitation.url)}`)
      .expect(410);

    // Until a second factor is enrolled, only the enrolment routes answer.
    const blocked = await agent.get('/incidents').expect(403);
    expect(blocked.body.detail).toMatch(/second factor enrolment required/i);
    // Enrolling again before confirming (a reloaded page) keeps the secret already scanned.
    const pending = await agent.post('/auth/totp/enrol').set('X-CSRF-Token', csrf).expect(200);
    expect(pending.body.otpauthUrl).toContain(`secret=${pending.body.secret}`);
    const { secret, recoveryCodes } = await enrolTotp({ agent, csrf, session: accepted.body });
    expect(secret).toBe(pending.body.secret);
    await agent.post('/auth/totp/enrol').set('X-CSRF-Token', csrf).expect(409);
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    await agent.get('/incidents').expect(200);

    await agent.post('/auth/sign-out').set('X-CSRF-Token', csrf).expect(204);
    await agent.get('/auth/session').expect(401);

    const first = request.agent(t.server);
    const needsCode = await first
      .post('/auth/sign-in')
      .send({ login: 'Aigerim', password: GOOD_PASSWORD })
      .expect(401);
    expect(needsCode.body).toMatchObject({ secondFactorRequired: true });
    expect(needsCode.headers['content-type']).toMatch(/^application\/problem\+json/);
    // The confirmation used the current step: the next one signs in, the same one again not.
    const signedIn = await first
      .post('/auth/sign-in')
      .send({ login: 'aigerim', password: GOOD_PASSWORD, code: totpCode(secret, 1) })
      .expect(200);
    expect(signedIn.body.secondFactor).toEqual({
      enrolled: true,
      required: true,
      mayEnrol: false,
      passed: true,
    });
    const firstCsrf = signedIn.body.csrfToken as string;
    const recorded = await first
      .post('/incidents')
      .set('X-CSRF-Token', firstCsrf)
      .send(report)
      .expect(201);
    expect(recorded.body.id).toEqual(expect.any(String));

    // A second session, signed in with a recovery code (usable once).
    const second = request.agent(t.server);
    const withRecovery = await second
      .post('/auth/sign-in')
      .send({ login: 'aigerim', password: GOOD_PASSWORD, code: recoveryCodes[0] })
      .expect(200);
    await request(t.server)
      .post('/auth/sign-in')
      .send({ login: 'aigerim', password: GOOD_PASSWORD, code: recoveryCodes[0] })
      .expect(401);
    const mine = await second.get('/auth/sessions').expect(200);
    expect(mine.body.sessions).toHaveLength(2);

    await second
      .post('/auth/sign-out-everywhere')
      .set('X-CSRF-Token', withRecovery.body.csrfToken)
      .expect(204);
    await first.get('/incidents').expect(401);
    await second.get('/auth/session').expect(401);
    // Back to the default for the tests below.
    await request(t.server)
      .put(`/workspaces/${ws.id}/second-factor`)
      .set(admin())
      .send({ requiredFor: 'admins' })
      .expect(200);
  });

  it('a password alone never enrols a second factor that became required: sign-in and open sessions are refused it, the admin’s reset link enrols', async () => {
    const { url } = await invite('Erlan', 'monitor');
    const open = await acceptInvitation(t.server, url, 'erlan');
    await open.agent.post('/auth/sign-out').set('X-CSRF-Token', open.csrf).expect(204);
    const signInErlan = () =>
      request(t.server).post('/auth/sign-in').send({ login: 'erlan', password: GOOD_PASSWORD });
    // Not required yet: a password session, which may enrol voluntarily.
    const before = request.agent(t.server);
    const signedIn = await before
      .post('/auth/sign-in')
      .send({ login: 'erlan', password: GOOD_PASSWORD })
      .expect(200);
    expect(signedIn.body.secondFactor).toEqual({
      enrolled: false,
      required: false,
      mayEnrol: true,
      passed: false,
    });
    const csrf = signedIn.body.csrfToken as string;

    const setPolicy = (requiredFor: string) =>
      request(t.server)
        .put(`/workspaces/${ws.id}/second-factor`)
        .set(admin())
        .send({ requiredFor })
        .expect(200);
    await setPolicy('everyone');
    try {
      // The session open when the rule changed: nothing, and no enrolment, with a password.
      const session = await before.get('/auth/session').expect(200);
      expect(session.body.secondFactor).toEqual({
        enrolled: false,
        required: true,
        mayEnrol: false,
        passed: false,
      });
      const blocked = await before.get('/incidents').expect(403);
      expect(blocked.body.detail).toMatch(/reset your sign-in/);
      for (const path of ['/auth/totp/enrol', '/auth/totp/confirm']) {
        const refused = await before
          .post(path)
          .set('X-CSRF-Token', csrf)
          .send({ code: '123456' })
          .expect(403);
        expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
      }
      // A new sign-in with the right password opens no session at all.
      const refused = await signInErlan().expect(403);
      expect(refused.headers['set-cookie']).toBeUndefined();
      expect(refused.body).toMatchObject({
        code: 'second_factor_enrolment_needs_invitation',
        secondFactorEnrolmentNeedsInvitation: true,
      });
      const sql = t.app.get<SqlClient>(SQL_CLIENT);
      const { rows } = await sql.query(
        'SELECT totp_pending_sealed IS NULL AS none FROM users WHERE id = $1',
        [open.session.userId],
      );
      expect(rows).toEqual([{ none: true }]);

      // The admin sees who has no factor yet; the reset gives a link whose session may enrol.
      const users = await request(t.server).get(`/workspaces/${ws.id}/users`).set(admin());
      expect(
        (users.body.users as { id: string; secondFactorEnrolled: boolean }[]).find(
          (u) => u.id === open.session.userId,
        ),
      ).toMatchObject({ secondFactorEnrolled: false });
      const reset = await request(t.server)
        .post(`/workspaces/${ws.id}/users/${open.session.userId}/reset-sign-in`)
        .set(admin())
        .expect(201);
      const again = await acceptInvitation(t.server, reset.body.url, 'erlan');
      expect(again.session.secondFactor).toEqual({
        enrolled: false,
        required: true,
        mayEnrol: true,
        passed: false,
      });
      const { secret } = await enrolTotp(again);
      await signInErlan().expect(401);
      await request(t.server)
        .post('/auth/sign-in')
        .send({ login: 'erlan', password: GOOD_PASSWORD, code: totpCode(secret, 1) })
        .expect(200);

      const audit = await request(t.server).get('/audit?limit=200').set(admin()).expect(200);
      expect((audit.body.entries as { action: string }[]).map((e) => e.action)).toContain(
        'sign-in refused: second factor required, none enrolled',
      );
    } finally {
      await setPolicy('admins');
    }
  });

  it('adds a passkey only in a session that passed the second factor', async () => {
    const { url } = await invite('Madina', 'monitor');
    const enrolling = await acceptInvitation(t.server, url, 'madina');
    // A session opened with the password while the person had no factor yet.
    const earlier = request.agent(t.server);
    const opened = await earlier
      .post('/auth/sign-in')
      .send({ login: 'madina', password: GOOD_PASSWORD })
      .expect(200);
    await enrolTotp(enrolling);
    const options = (agent: typeof earlier, csrf: string) =>
      agent.post('/auth/passkeys/options').set('X-CSRF-Token', csrf);
    const refused = await options(earlier, opened.body.csrfToken).expect(403);
    expect(refused.body.detail).toMatch(/passed the second factor/);
    const given = await options(enrolling.agent, enrolling.csrf).expect(200);
    expect(given.body).toMatchObject({ challenge: expect.any(String), rp: { id: 'localhost' } });
    // An answer no authenticator gave is a 400 naming the field, never a 500.
    const bogus = await enrolling.agent
      .post('/auth/passkeys')
      .set('X-CSRF-Token', enrolling.csrf)
      .send({ response: { id: 'x', response: { clientDataJSON: 'e30' } } })
      .expect(400);
    expect(bogus.body.errors).toEqual([
      { field: 'response', message: expect.stringContaining('not a valid passkey answer') },
    ]);
  });

  it('slows and then locks an account after wrong passwords from one address; another address still signs in', async () => {
    const { url } = await invite('Daniyar', 'monitor');
    await acceptInvitation(t.server, url, 'daniyar');
    const wrong = 'not-the-password-9471';
    const waits: number[] = [];
    let failures = 0;
    while (failures < 10) {
      const res = await request(t.server)
        .post('/auth/sign-in')
        .send({ login: 'daniyar', password: wrong });
      if (res.status === 401) {
        failures += 1;
        continue;
      }
      expect(res.status).toBe(429);
      expect(res.headers['retry-after']).toMatch(/^\d+$/);
      waits.push(res.body.retryAfterMs);
      await new Promise((done) => setTimeout(done, res.body.retryAfterMs as number));
    }
    // Three free failures, then waits that grow.
    expect(waits.length).toBeGreaterThanOrEqual(3);
    expect(waits[waits.length - 1]).toBeGreaterThan(waits[0] as number);
    const locked = await request(t.server)
      .post('/auth/sign-in')
      .send({ login: 'daniyar', password: GOOD_PASSWORD })
      .expect(429);
    expect(locked.body.retryAfterMs).toBeGreaterThan(14 * 60_000);
    expect(locked.body.detail).toMatch(/locked/);

    // The same person from their own address is not under attack there.
    const listening = t.app.getHttpServer() as Server;
    if (listening.address() === null) {
      await new Promise<void>((done) => listening.listen(0, '127.0.0.1', done));
    }
    const port = (listening.address() as AddressInfo).port;
    const other = await postFrom('127.0.0.2', port, '/auth/sign-in', {
      login: 'daniyar',
      password: GOOD_PASSWORD,
    });
    expect(other.status).toBe(200);

    const audit = await request(t.server).get('/audit?limit=200').set(admin()).expect(200);
    const entries = (audit.body.entries as { action: string; address: string | null }[]).filter(
      (e) => e.action.startsWith('sign-in'),
    );
    const failed = entries.filter((e) => e.action === 'sign-in failed: wrong password');
    expect(failed.length).toBeGreaterThanOrEqual(10);
    expect(failed.every((e) => e.address === '127.0.0.1')).toBe(true);
    expect(entries.map((e) => e.action)).toEqual(
      expect.arrayContaining([
        'sign-in lock-out (pair)',
        'sign-in refused: too many failures',
        'sign-in',
      ]),
    );
    expect(entries.find((e) => e.action === 'sign-in')?.address).toBe('127.0.0.2');
    expect(audit.text).not.toContain(wrong);
    expect(audit.text).not.toContain(GOOD_PASSWORD);
  }, 60_000);

  it('changes nothing and answers 403 to a cookie request without its CSRF token', async () => {
    const { url } = await invite('Saule', 'monitor');
    const saule = await acceptInvitation(t.server, url, 'saule');
    const count = async () =>
      (await request(t.server).get('/incidents?limit=100').set(admin()).expect(200)).body.items
        .length as number;
    const before = await count();
    for (const token of [undefined, 'wrong-token', `${saule.csrf}x`]) {
      const req = saule.agent.post('/incidents').send(report);
      if (token !== undefined) req.set('X-CSRF-Token', token);
      const res = await req.expect(403);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.detail).toMatch(/CSRF/);
    }
    await saule.agent.post('/auth/sign-out').expect(403);
    await saule.agent.get('/auth/session').expect(200);
    expect(await count()).toBe(before);
  });

  it('stops a disabled person’s open session and API token at the next request', async () => {
    // A user with an API token (a script) who also signs in (reset-sign-in gives the link).
    const userId = ws.userIds.monitor;
    const token = ws.tokens.monitor;
    const reset = await request(t.server)
      .post(`/workspaces/${ws.id}/users/${userId}/reset-sign-in`)
      .set(admin())
      .expect(201);
    const person = await acceptInvitation(t.server, reset.body.url, 'scripted-monitor');
    expect(person.session.userId).toBe(userId);
    await request(t.server).get('/me').set(bearer(token)).expect(200);
    await person.agent.get('/auth/session').expect(200);

    await request(t.server)
      .post(`/workspaces/${ws.id}/users/${userId}/disable`)
      .set(admin())
      .expect(204);
    await request(t.server).get('/me').set(bearer(token)).expect(401);
    await person.agent.get('/auth/session').expect(401);
    await request(t.server)
      .post('/auth/sign-in')
      .send({ login: 'scripted-monitor', password: GOOD_PASSWORD })
      .expect(401);
  });

  it('ends a session when idle, at its absolute end, or when an admin revokes it', async () => {
    const sql = t.app.get<SqlClient>(SQL_CLIENT);
    const { url } = await invite('Timur', 'monitor');
    const timur = await acceptInvitation(t.server, url, 'timur');
    const { idleExpiresAt, expiresAt } = timur.session;
    // The defaults: 30 minutes idle, 12 hours in all (give or take the request's own time).
    const idleMinutes = (Date.parse(idleExpiresAt) - Date.now()) / 60_000;
    const maxHours = (Date.parse(expiresAt) - Date.now()) / 3_600_000;
    expect(Math.round(idleMinutes)).toBe(30);
    expect(Math.round(maxHours)).toBe(12);

    const signInAgain = async () =>
      request
        .agent(t.server)
        .post('/auth/sign-in')
        .send({ login: 'timur', password: GOOD_PASSWORD })
        .expect(200);
    // Time passes in the database: the session's deadlines are moved into the past.
    await sql.query(
      "UPDATE sessions SET idle_expires_at = now() - interval '1 second' WHERE id = $1",
      [timur.session.sessionId],
    );
    await timur.agent.get('/auth/session').expect(401);

    const late = await signInAgain();
    await sql.query("UPDATE sessions SET expires_at = now() - interval '1 second' WHERE id = $1", [
      late.body.sessionId,
    ]);
    await request(t.server)
      .get('/auth/session')
      .set('Cookie', String(late.headers['set-cookie']).split(';')[0] as string)
      .expect(401);

    const agent = request.agent(t.server);
    const current = await agent
      .post('/auth/sign-in')
      .send({ login: 'timur', password: GOOD_PASSWORD })
      .expect(200);
    const listed = await request(t.server)
      .get(`/workspaces/${ws.id}/sessions`)
      .set(admin())
      .expect(200);
    expect(listed.body.sessions.map((x: { id: string }) => x.id)).toContain(current.body.sessionId);
    await request(t.server)
      .delete(`/workspaces/${ws.id}/sessions/${current.body.sessionId}`)
      .set(admin())
      .expect(204);
    await agent.get('/auth/session').expect(401);
  });

  it('keeps TOTP secrets sealed under the master key; the migration seals a clear one from before, which still signs in', async () => {
    const sql = t.app.get<SqlClient>(SQL_CLIENT);
    const { url } = await invite('Nurlan', 'monitor');
    const nurlan = await acceptInvitation(t.server, url, 'nurlan');
    const { secret } = await enrolTotp(nurlan);
    const userId = nurlan.session.userId;
    const stored = async () =>
      (
        await sql.query<{ raw: string }>(
          "SELECT encode(totp_secret_sealed, 'base64') AS raw FROM users WHERE id = $1",
          [userId],
        )
      ).rows[0]?.raw as string;
    const notTheSecret = (raw: string) => {
      const bytes = Buffer.from(raw, 'base64');
      expect(bytes.length).toBeGreaterThan(28 + 20);
      expect(bytes.toString('latin1')).not.toContain(secret);
      expect(raw).not.toContain(secret);
    };
    notTheSecret(await stored());

    // The schema as it was before the sealing migration, with the secret in clear.
    await sql.exec(`
      ALTER TABLE users ADD COLUMN totp_secret text NULL, ADD COLUMN totp_pending_secret text NULL;
      ALTER TABLE users DROP COLUMN totp_secret_sealed, DROP COLUMN totp_pending_sealed;
      DELETE FROM auth_migrations WHERE name LIKE '0004-totp-secrets-sealed.%';`);
    await sql.query('UPDATE users SET totp_secret = $2 WHERE id = $1', [userId, secret]);

    expect(await migrateAuthSchema(sql, t.app.get(TotpSecretBox))).toEqual([
      '0004-totp-secrets-sealed',
    ]);
    const columns = await sql.query<{ column_name: string }>(
      `SELECT column_name FROM information_schema.columns
        WHERE table_schema = current_schema() AND table_name = 'users'
          AND column_name LIKE 'totp%'
        ORDER BY column_name`,
    );
    // The clear columns are gone.
    expect(columns.rows.map((c) => c.column_name)).toEqual([
      'totp_enrolled_at',
      'totp_last_step',
      'totp_pending_sealed',
      'totp_secret_sealed',
    ]);
    notTheSecret(await stored());
    await request(t.server)
      .post('/auth/sign-in')
      .send({ login: 'nurlan', password: GOOD_PASSWORD, code: totpCode(secret, 1) })
      .expect(200);
  });

  it('re-issues an invitation with a new link and stops the old one; a revoked one is gone', async () => {
    const first = await invite('Ainur', 'analyst');
    const again = await request(t.server)
      .post(`/workspaces/${ws.id}/invitations/${first.invitationId}/reissue`)
      .set(admin())
      .expect(201);
    expect(again.body.url).not.toBe(first.url);
    await request(t.server)
      .get(`/invitations/${invitationCode(first.url)}`)
      .expect(410);
    await request(t.server)
      .get(`/invitations/${invitationCode(again.body.url)}`)
      .expect(200);
    await request(t.server)
      .post(`/workspaces/${ws.id}/invitations/${again.body.invitationId}/revoke`)
      .set(admin())
      .expect(204);
    await request(t.server)
      .post(`/invitations/${invitationCode(again.body.url)}/accept`)
      .send({ login: 'ainur', password: GOOD_PASSWORD })
      .expect(410);
    await request(t.server)
      .get(`/invitations/${'x'.repeat(43)}`)
      .expect(404);
    const listed = await request(t.server).get(`/workspaces/${ws.id}/invitations`).set(admin());
    const statuses = (listed.body.invitations as { invitationId: string; status: string }[])
      .filter((i) => [first.invitationId, again.body.invitationId].includes(i.invitationId))
      .map((i) => i.status);
    expect(statuses).toEqual(['revoked', 'revoked']);
    expect(listed.text).not.toContain(invitationCode(first.url));
  });

  it('keeps tokens and sessions to their own routes', async () => {
    const { url } = await invite('Admin Two', 'monitor');
    const person = await acceptInvitation(t.server, url, 'token-check');
    // Issuing API tokens is for tokens only; a session cookie is not looked at there.
    await person.agent
      .post(`/workspaces/${ws.id}/users`)
      .set('X-CSRF-Token', person.csrf)
      .send({ name: 'x', role: 'analyst' })
      .expect(401);
    await request(t.server).get('/auth/session').set(admin()).expect(401);
    // A bearer token is never read from a cookie.
    await request(t.server).get('/me').set('Cookie', `rl_session=${ws.tokens.admin}`).expect(401);
  });
});

/** A POST from another local address (the whole 127.0.0.0/8 is this machine). */
function postFrom(
  localAddress: string,
  port: number,
  path: string,
  body: object,
): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const payload = JSON.stringify(body);
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        localAddress,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(payload),
        },
      },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}
