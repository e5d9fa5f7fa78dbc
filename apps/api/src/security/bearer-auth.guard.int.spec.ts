import { randomBytes, randomUUID } from 'node:crypto';
import { Controller, Get, INestApplication, Logger, LoggerService } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { Actor } from '@app/application';
import { PgliteSqlClient } from '@app/database';
import { loadConfig } from '@app/config';
import { configureHttpApp } from '../http-app';
import { openTestPglite } from '../../../../test/support/pglite-template';
import { AUTH_FAILURES_PER_MINUTE, BearerAuthGuard } from '@app/auth/bearer-auth.guard';
import { CurrentActor } from '@app/auth/current-actor.decorator';
import { Public } from '@app/auth/public.decorator';
import { ROLES } from '@app/auth/role';
import { DeploymentAdmin, Roles } from '@app/auth/roles.decorator';
import { TokenAuthService } from '@app/auth/token-auth.service';
import { TotpSecretBox } from '@app/auth/second-factor/totp-secret-box';
import { SessionService } from '@app/auth/sessions/session.service';

/** Seals TOTP secrets in this test's database (a key of its own, as MASTER_KEY would be). */
const totpSecrets = new TotpSecretBox(randomBytes(32));

// Fixtures: routes with each kind of protection the guard knows.
@Controller('fixtures')
class FixturesHttpController {
  @Get('open')
  @Public()
  open() {
    return { open: true };
  }

  @Get('actor')
  @Roles(...ROLES)
  actor(@CurrentActor() actor: Actor) {
    return actor;
  }

  @Get('closed')
  closed() {
    return { closed: false };
  }

  @Get('deployment')
  @DeploymentAdmin()
  deployment() {
    return { deployment: true };
  }

  @Get('admins')
  @Roles('admin')
  admins() {
    return { admins: true };
  }

  @Get('verification')
  @Roles('verifier', 'monitor')
  verification() {
    return { verification: true };
  }
}

@Public()
@Controller('public-fixtures')
class PublicFixturesHttpController {
  @Get()
  list() {
    return { open: true };
  }

  @Get('restricted')
  @Roles('admin')
  restricted() {
    return { restricted: true };
  }
}

class CapturingLogger implements LoggerService {
  readonly lines: string[] = [];
  log(message: unknown) {
    this.lines.push(String(message));
  }
  error(message: unknown, ...rest: unknown[]) {
    this.lines.push([message, ...rest].map(String).join(' '));
  }
  warn(message: unknown) {
    this.lines.push(String(message));
  }
}

const ADMIN_TOKEN = 'Zm9yLXRlc3RzLW9ubHktbm90LWEtcmVhbC1zZWNyZXQ=';
const UNKNOWN_TOKEN = 'rl_unknown-token-000000000000000000000000000';

describe('BearerAuthGuard', () => {
  let app: INestApplication;
  let sql: PgliteSqlClient;
  let monitorToken: string;
  let monitorId: string;
  let workspaceAdminToken: string;
  let auth: TokenAuthService;
  const logger = new CapturingLogger();

  beforeAll(async () => {
    sql = await openTestPglite();
    auth = new TokenAuthService(sql, totpSecrets);
    const quiet = jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    const { workspaceId } = await auth.bootstrap({ mode: 'server', bootstrapToken: ADMIN_TOKEN });
    quiet.mockRestore();
    const monitor = randomUUID();
    await sql.query(
      "INSERT INTO users (id, workspace_id, name, role) VALUES ($1, $2, 'a monitor', 'monitor')",
      [monitor, workspaceId],
    );
    monitorToken = (await auth.createToken(monitor)).token;
    monitorId = monitor;
    const otherAdmin = randomUUID();
    await sql.query(
      "INSERT INTO users (id, workspace_id, name, role) VALUES ($1, $2, 'another admin', 'admin')",
      [otherAdmin, workspaceId],
    );
    workspaceAdminToken = (await auth.createToken(otherAdmin)).token;

    const moduleRef = await Test.createTestingModule({
      controllers: [FixturesHttpController, PublicFixturesHttpController],
      providers: [
        { provide: TokenAuthService, useValue: auth },
        { provide: SessionService, useValue: new SessionService(sql, loadConfig({})) },
        { provide: APP_GUARD, useClass: BearerAuthGuard },
      ],
    }).compile();
    const nest = moduleRef.createNestApplication<NestExpressApplication>({ logger });
    // TRUST_PROXY=loopback: X-Forwarded-For names the client, as behind a reverse proxy.
    configureHttpApp(nest, { trustProxy: ['loopback'] });
    await nest.init();
    app = nest;
  });

  afterAll(async () => {
    await app?.close();
    await sql?.close();
    const logged = logger.lines.join('\n');
    for (const token of [ADMIN_TOKEN, monitorToken, workspaceAdminToken, UNKNOWN_TOKEN])
      expect(logged).not.toContain(token);
  });

  const get = (path: string, token?: string) => {
    const call = request(app.getHttpServer()).get(path);
    return token === undefined ? call : call.set('Authorization', `Bearer ${token}`);
  };

  const expectProblem = (response: request.Response, status: number, detail: RegExp) => {
    expect(response.status).toBe(status);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ status, detail: expect.stringMatching(detail) });
  };

  it('lets a @Public() route through without a token', async () => {
    expect((await get('/fixtures/open')).status).toBe(200);
    expect((await get('/public-fixtures')).status).toBe(200);
  });

  it('answers 401 with a Bearer challenge when the token is missing', async () => {
    const response = await get('/fixtures/actor');
    expectProblem(response, 401, /needs an API token/);
    expect(response.headers['www-authenticate']).toBe('Bearer realm="rights-ledger"');
  });

  it.each(['Basic YWRtaW46c2VjcmV0', `Token ${ADMIN_TOKEN}`, `Bearer ${ADMIN_TOKEN} extra`])(
    'answers 401 to the malformed header %j without quoting it',
    async (header) => {
      const response = await request(app.getHttpServer())
        .get('/fixtures/actor')
        .set('Authorization', header);
      expectProblem(response, 401, /must be `Bearer <token>`/);
      expect(response.headers['www-authenticate']).toMatch(/^Bearer /);
      expect(response.text).not.toContain(ADMIN_TOKEN);
      expect(response.text).not.toContain('YWRtaW46c2VjcmV0');
    },
  );

  it('answers 401 invalid_token to an unknown token without quoting it', async () => {
    const response = await get('/fixtures/actor', UNKNOWN_TOKEN);
    expectProblem(response, 401, /unknown, revoked or expired/);
    expect(response.headers['www-authenticate']).toBe(
      'Bearer realm="rights-ledger", error="invalid_token"',
    );
    expect(response.text).not.toContain(UNKNOWN_TOKEN);
  });

  it("hands the token's actor to @CurrentActor()", async () => {
    const response = await get('/fixtures/actor', monitorToken);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      userId: expect.any(String),
      userName: 'a monitor',
      workspaceId: expect.any(String),
      role: 'monitor',
    });
  });

  it('enforces @Roles() with 403 naming the roles required', async () => {
    expect((await get('/fixtures/admins', ADMIN_TOKEN)).status).toBe(200);
    expectProblem(
      await get('/fixtures/admins', monitorToken),
      403,
      /^This action requires the role admin; this token's role is monitor\.$/,
    );
    expect((await get('/fixtures/verification', monitorToken)).status).toBe(200);
    expectProblem(
      await get('/fixtures/verification', ADMIN_TOKEN),
      403,
      /requires the role verifier or monitor/,
    );
  });

  it('requires a token on a @Roles() route of a @Public() controller', async () => {
    expectProblem(await get('/public-fixtures/restricted'), 401, /needs an API token/);
    expect((await get('/public-fixtures/restricted', ADMIN_TOKEN)).status).toBe(200);
  });

  it('closes a route that declares no roles to every token (deny by default)', async () => {
    expectProblem(await get('/fixtures/closed'), 401, /needs an API token/);
    expectProblem(await get('/fixtures/closed', ADMIN_TOKEN), 403, /declares no roles/);
    expectProblem(await get('/fixtures/closed', monitorToken), 403, /declares no roles/);
  });

  it('lets only the deployment admin through @DeploymentAdmin(), not a workspace admin', async () => {
    expect((await get('/fixtures/deployment', ADMIN_TOKEN)).status).toBe(200);
    expectProblem(await get('/fixtures/deployment', workspaceAdminToken), 403, /deployment admin/);
    expectProblem(await get('/fixtures/deployment', monitorToken), 403, /deployment admin/);
  });

  it('answers 429 to an address sending too many bad tokens; a valid token still passes', async () => {
    const fresh = (await auth.createToken(monitorId)).token;
    // Earlier tests spent some of this minute's failures already.
    const statuses: number[] = [];
    for (let i = 0; i < 25; i += 1) {
      statuses.push((await get('/fixtures/actor', `${UNKNOWN_TOKEN}${i}`)).status);
    }
    expect(statuses[0]).toBe(401);
    expect(new Set(statuses)).toEqual(new Set([401, 429]));
    expect(statuses.slice(AUTH_FAILURES_PER_MINUTE)).toEqual(Array(5).fill(429));
    const refused = await get('/fixtures/actor', UNKNOWN_TOKEN);
    expectProblem(refused, 429, /Too many requests with an unknown/);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // Never used before, so not cached: verified from the locked-out address all the same.
    expect((await get('/fixtures/actor', fresh)).status).toBe(200);
    expect((await get('/fixtures/actor', monitorToken)).status).toBe(200);
  });

  it('limits failures per token id, and the token itself still passes', async () => {
    const { token } = await auth.createToken(monitorId);
    const wrongSecret = `${token.slice(0, 36)}${'A'.repeat(43)}`;
    // From many addresses: the per-address limit does not apply, the per-id one does.
    const statuses: number[] = [];
    for (let i = 0; i < AUTH_FAILURES_PER_MINUTE + 2; i += 1) {
      const res = await get('/fixtures/actor', wrongSecret).set('X-Forwarded-For', `10.9.0.${i}`);
      statuses.push(res.status);
    }
    expect(statuses.slice(-2)).toEqual([429, 429]);
    expect((await get('/fixtures/actor', token)).status).toBe(200);
  });

  it('leaves unknown routes to the 404 answer', async () => {
    expect((await get('/no/such/route')).status).toBe(404);
  });

  it('is documented: bearer everywhere, 401 where a token is needed, none on @Public() routes', async () => {
    const document = (await request(app.getHttpServer()).get('/docs-json')).body as {
      security: unknown;
      paths: Record<string, { get: { security?: unknown; responses: Record<string, unknown> } }>;
    };
    expect(document.security).toEqual([{ bearer: [] }, { session: [] }]);
    const open = document.paths['/fixtures/open']?.get;
    expect(open?.security).toEqual([{}]);
    expect(open?.responses).not.toHaveProperty('401');
    expect(document.paths['/fixtures/actor']?.get.responses['401']).toEqual({
      description: expect.any(String),
      content: {
        'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDetailsDto' } },
      },
    });
    expect(document.paths['/fixtures/admins']?.get.responses['403']).toEqual({
      description: 'Requires the role admin.',
    });
  });
});
