import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthenticatedRequest } from './current-actor.decorator';
import { PUBLIC_KEY } from './public.decorator';
import { ROLES_KEY } from './roles.decorator';
import { Role } from './role';
import { TokenAuthService } from './token-auth.service';

interface BearerRequest extends AuthenticatedRequest {
  headers: { authorization?: string };
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

/**
 * The global guard: every route needs `Authorization: Bearer <token>` unless marked
 * @Public(); the token's actor is attached to the request for @CurrentActor(), and
 * @Roles() is enforced. Details never quote the header: it is a secret.
 */
@Injectable()
export class BearerAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: TokenAuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const roles = this.reflector.getAllAndOverride<readonly Role[] | undefined>(ROLES_KEY, targets);
    const isPublic = this.reflector.getAllAndOverride<boolean | undefined>(PUBLIC_KEY, targets);
    // @Roles() outweighs @Public(): a role can only be checked on a known actor.
    if (isPublic === true && roles === undefined) return true;
    // No other transport exists yet; one added later stays closed until it is thought through.
    if (context.getType() !== 'http') return false;

    const http = context.switchToHttp();
    const request = http.getRequest<BearerRequest>();
    const response = http.getResponse<HeaderSettable>();
    const token = readBearerToken(request.headers.authorization);
    if (token === 'missing') {
      response.setHeader('WWW-Authenticate', CHALLENGE);
      throw new UnauthorizedException(
        'This request needs an API token: send the header `Authorization: Bearer <token>`.',
      );
    }
    if (token === 'malformed') {
      response.setHeader('WWW-Authenticate', CHALLENGE);
      throw new UnauthorizedException(
        'The Authorization header must be `Bearer <token>`, the token without spaces.',
      );
    }
    const actor = await this.auth.authenticate(token);
    if (actor === undefined) {
      response.setHeader('WWW-Authenticate', `${CHALLENGE}, error="invalid_token"`);
      throw new UnauthorizedException('The API token is unknown, revoked or expired.');
    }
    request.actor = actor;

    if (roles !== undefined && !roles.includes(actor.role)) {
      throw new ForbiddenException(
        `This action requires the role ${roles.join(' or ')}; this token's role is ${actor.role}.`,
      );
    }
    return true;
  }
}
