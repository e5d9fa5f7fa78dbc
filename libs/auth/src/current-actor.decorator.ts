import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { Actor } from '@app/application';
import type { SignedInSession } from './sessions/session.service';
import type { Principal } from './token-auth.service';

/** A request the bearer guard has let through carries its actor. */
export interface AuthenticatedRequest {
  actor?: Actor;
  /** The actor with its token id and whether it is the deployment admin. */
  principal?: Principal;
}

/** The handler parameter receiving who is calling, as resolved from the bearer token. */
export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  const actor = context.switchToHttp().getRequest<AuthenticatedRequest>().actor;
  // Only a @Public() route has none: a programming error, not the client's.
  if (actor === undefined) throw new Error('@CurrentActor() used on a route without a token');
  return actor;
});

/** The handler parameter receiving the caller's signed-in session (on @SessionOnly() routes). */
export const CurrentSession = createParamDecorator(
  (_: unknown, context: ExecutionContext): SignedInSession => {
    const session = context.switchToHttp().getRequest<AuthenticatedRequest>().principal?.session;
    // The guard lets only a session reach a @SessionOnly() route: a programming error.
    if (session === undefined) throw new Error('@CurrentSession() used on a route without one');
    return session;
  },
);
