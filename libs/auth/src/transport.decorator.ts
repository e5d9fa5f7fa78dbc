import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiSecurity } from '@nestjs/swagger';
import { ROLES } from './role';
import { Roles } from './roles.decorator';

export const TRANSPORT_KEY = 'auth:transport';
export const DURING_ENROLMENT_KEY = 'auth:during-enrolment';

/**
 * The route accepts an API token only: a session cookie is not looked at (401). For what
 * issues, revokes or hands out API tokens: a page open in a browser must not mint a credential
 * that outlives its session.
 */
export const TokenOnly = (): ClassDecorator & MethodDecorator =>
  applyDecorators(SetMetadata(TRANSPORT_KEY, 'token'), ApiSecurity('bearer'));

/**
 * The route is about the caller's browser session (its CSRF token, its second factor, signing
 * out): an API token is refused (401).
 */
export const SessionOnly = (): ClassDecorator & MethodDecorator =>
  applyDecorators(SetMetadata(TRANSPORT_KEY, 'session'), ApiSecurity('session'));

/**
 * Open to a session whose second factor is required but not yet enrolled; every other route
 * answers it 403 until the enrolment is confirmed.
 */
export const DuringEnrolment = (): ClassDecorator & MethodDecorator =>
  SetMetadata(DURING_ENROLMENT_KEY, true);

/**
 * A route about the caller's own session, open to every role: @SessionOnly(), and with
 * `duringEnrolment` also @DuringEnrolment().
 */
export const OwnSession = ({ duringEnrolment = false } = {}): MethodDecorator =>
  applyDecorators(Roles(...ROLES), SessionOnly(), ...(duringEnrolment ? [DuringEnrolment()] : []));
