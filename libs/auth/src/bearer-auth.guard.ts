import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  HttpException,
  HttpStatus,
  Injectable,
  Logger,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthenticatedRequest } from './current-actor.decorator';
import { PUBLIC_KEY } from './public.decorator';
import { AuthFailureLimiter } from './auth-failure-limiter';
import { DEPLOYMENT_ADMIN_KEY, ROLES_KEY } from './roles.decorator';
import { Role } from './role';
import { Principal, TokenAuthService } from './token-auth.service';
import { DURING_ENROLMENT_KEY, TRANSPORT_KEY } from './transport.decorator';
import { CSRF_HEADER, readSessionCookie } from './sessions/session-cookie';
import { SessionService } from './sessions/session.service';
import { sameSecret } from './secrets';
import { apiTokenId } from './api-token';

interface BearerRequest extends AuthenticatedRequest {
  headers: { authorization?: string; cookie?: string; [CSRF_HEADER]?: string | string[] };
  ip?: string;
  method?: string;
  route?: { path?: string };
}

/** The part of the HTTP response the guard sets; keeps it free of express types. */
interface HeaderSettable {
  setHeader(name: string, value: string): unknown;
}

const CHALLENGE = 'Bearer realm="rights-ledger"';

// Printable ASCII without spaces: a superset of RFC 6750's b64token, so every token we issue
// or accept as BOOTSTRAP_ADMIN_TOKEN can be sent.
const BEARER = /^Bearer +([\x21-\x7e]+) *$/i;

/** The token of an `Authorization` header, or why there is none. */
export function readBearerToken(header: string | undefined): string | 'missing' | 'malformed' {
  if (header === undefined || header.trim() === '') return 'missing';
  return BEARER.exec(header)?.[1] ?? 'malformed';
}

function tooMany(waitMs: number, response: HeaderSettable): HttpException {
  response.setHeader('Retry-After', String(Math.ceil(waitMs / 1000)));
  return new HttpException(
    'Too many requests with an unknown, revoked or expired API token; retry later.',
    HttpStatus.TOO_MANY_REQUESTS,
  );
}

/** Failed authentications allowed per client address (and per token id) and minute. */
export const AUTH_FAILURES_PER_MINUTE = 20;

// Reads change nothing, so a forged cross-site read gains nothing (and SameSite=Strict
// already keeps the cookie off it).
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The global guard: every route needs `Authorization: Bearer <token>` or a signed-in
 * session's cookie (`rl_session`) unless marked @Public(); the caller's actor is attached to
 * the request for @CurrentActor(), and @Roles() or @DeploymentAdmin() is enforced the same way
 * for both. A route declaring neither is closed to every caller (deny by default: a route
 * added without thinking about roles opens to nobody). A bearer token is only ever read from
 * the Authorization header, never from a cookie; with both, the header decides. A session's
 * state-changing request must carry its CSRF token (`X-CSRF-Token`), and a session whose
 * second factor is required but not enrolled reaches only the enrolment routes. Details never
 * quote the header or the cookie: they are secrets.
 */
@Injectable()
export class BearerAuthGuard implements CanActivate {
  private readonly logger = new Logger('Auth');
  /** Failures per client address. */
  private readonly failures = new AuthFailureLimiter(AUTH_FAILURES_PER_MINUTE, 60_000);
  /** Failures per token id (a token of ours with a wrong secret), from any address. */
  private readonly tokenFailures = new AuthFailureLimiter(AUTH_FAILURES_PER_MINUTE, 60_000);

  constructor(
    private readonly reflector: Reflector,
    private readonly auth: TokenAuthService,
    private readonly sessions: SessionService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const roles = this.reflector.getAllAndOverride<readonly Role[] | undefined>(ROLES_KEY, targets);
    const deploymentAdmin =
      this.reflector.getAllAndOverride<boolean | undefined>(DEPLOYMENT_ADMIN_KEY, targets) === true;
    const isPublic = this.reflector.getAllAndOverride<boolean | undefined>(PUBLIC_KEY, targets);
    // @Roles() outweighs @Public(): a role can only be checked on a known actor.
    if (isPublic === true && roles === undefined && !deploymentAdmin) return true;
    // No other transport exists yet; one added later stays closed until it is thought through.
    if (context.getType() !== 'http') return false;

    const http = context.switchToHttp();
    const request = http.getRequest<BearerRequest>();
    const response = http.getResponse<HeaderSettable>();
    const transport = this.reflector.getAllAndOverride<'token' | 'session' | undefined>(
      TRANSPORT_KEY,
      targets,
    );
    const principal =
      request.headers.authorization === undefined &&
      readSessionCookie(request.headers.cookie) !== undefined
        ? await this.fromSession(request, transport, targets)
        : await this.fromToken(request, response, transport);
    request.actor = principal.actor;
    request.principal = principal;

    if (deploymentAdmin) {
      if (principal.deploymentAdmin) return true;
      throw new ForbiddenException(
        "This action requires the deployment admin (BOOTSTRAP_ADMIN_TOKEN); this token's role is " +
          `${principal.actor.role} of a workspace.`,
      );
    }
    if (roles === undefined) {
      this.logger.warn(
        `Refused ${request.method ?? '?'} ${request.route?.path ?? '?'}: the route declares no roles`,
      );
      throw new ForbiddenException('This route declares no roles, so no token may call it.');
    }
    if (!roles.includes(principal.actor.role)) {
      throw new ForbiddenException(
        `This action requires the role ${roles.join(' or ')}; this token's role is ${principal.actor.role}.`,
      );
    }
    return true;
  }

  private async fromToken(
    request: BearerRequest,
    response: HeaderSettable,
    transport: 'token' | 'session' | undefined,
  ): Promise<Principal> {
    const token = readBearerToken(request.headers.authorization);
    if (transport === 'session' && token !== 'missing') {
      throw new UnauthorizedException(
        'This route is for a signed-in browser session (the rl_session cookie), not an API token.',
      );
    }
    if (token === 'missing') {
      response.setHeader('WWW-Authenticate', CHALLENGE);
      throw new UnauthorizedException(
        transport === 'session'
          ? 'Sign in first: this route needs a signed-in session.'
          : 'This request needs an API token (the header `Authorization: Bearer <token>`) ' +
              'or a signed-in session.',
      );
    }
    if (token === 'malformed') {
      response.setHeader('WWW-Authenticate', CHALLENGE);
      throw new UnauthorizedException(
        'The Authorization header must be `Bearer <token>`, the token without spaces.',
      );
    }
    const principal = await this.verify(token, request.ip ?? 'unknown', response);
    if (principal === undefined) {
      response.setHeader('WWW-Authenticate', `${CHALLENGE}, error="invalid_token"`);
      throw new UnauthorizedException('The API token is unknown, revoked or expired.');
    }
    return principal;
  }

  private async fromSession(
    request: BearerRequest,
    transport: 'token' | 'session' | undefined,
    targets: Parameters<Reflector['getAllAndOverride']>[1],
  ): Promise<Principal> {
    if (transport === 'token') {
      throw new UnauthorizedException(
        'This route accepts only an API token (`Authorization: Bearer <token>`), not a session.',
      );
    }
    const session = await this.sessions.authenticate(
      readSessionCookie(request.headers.cookie) as string,
    );
    if (session === undefined) {
      throw new UnauthorizedException(
        'Your session has ended (signed out, expired or revoked): sign in again.',
      );
    }
    if (!SAFE_METHODS.has(request.method ?? 'GET')) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !sameSecret(sent, session.csrfToken)) {
        throw new ForbiddenException(
          "This request needs the session's CSRF token in the X-CSRF-Token header " +
            '(csrfToken of GET /auth/session); nothing was changed.',
        );
      }
    }
    const duringEnrolment =
      this.reflector.getAllAndOverride<boolean | undefined>(DURING_ENROLMENT_KEY, targets) === true;
    if (session.secondFactor.required && !session.secondFactor.enrolled && !duringEnrolment) {
      throw new ForbiddenException(
        session.secondFactor.mayEnrol
          ? 'Second factor enrolment required: enrol an authenticator app (POST /auth/totp/enrol, ' +
              'then POST /auth/totp/confirm) before anything else.'
          : 'Second factor enrolment required, and this session was opened with a password ' +
              'alone: ask an administrator to reset your sign-in and enrol one through the new link.',
      );
    }
    return {
      actor: {
        userId: session.userId,
        userName: session.name,
        workspaceId: session.workspaceId,
        role: session.role,
      },
      session,
      deploymentAdmin: session.deploymentAdmin,
    };
  }

  /**
   * Failures are limited per address and per token id, and only failures are refused: a token
   * that verifies gets in whatever its address or its id went through (an admin behind the same
   * NAT as a flood of bad tokens was refused with 429). Past either limit a failure answers 429
   * instead of 401, and ids that name no token cost the address no argon2 work.
   */
  private async verify(token: string, client: string, response: HeaderSettable) {
    const cached = this.auth.cachedPrincipal(token);
    if (cached !== undefined) return cached;
    const tokenId = apiTokenId(token);
    const addressWait = this.failures.retryAfterMs(client);
    const tokenWait = tokenId === undefined ? 0 : this.tokenFailures.retryAfterMs(tokenId);
    // A locked-out address gets no argon2 work for ids that name no token.
    const principal = await this.auth.principal(token, { spareUnknown: addressWait > 0 });
    if (principal !== undefined) return principal;
    this.failures.fail(client);
    if (tokenId !== undefined) this.tokenFailures.fail(tokenId);
    const waitMs = Math.max(addressWait, tokenWait);
    if (waitMs > 0) throw tooMany(waitMs, response);
    return undefined;
  }
}
