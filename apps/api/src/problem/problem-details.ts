import { STATUS_CODES } from 'node:http';
import { HttpException, HttpStatus } from '@nestjs/common';
import { IdempotencyKeyReused } from '@app/application';
import { DomainError } from '@app/domain';
import { DuplicateEventId, WrongExpectedVersion } from '@app/event-store';
import { FieldProblem, ValidationException } from '@app/application/validation.exception';

/** RFC 9457 problem details, the body of every error response of the API. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  /** The request path (without its query, which may hold search terms). */
  instance: string;
  errors?: readonly FieldProblem[];
  /** A stable code for domain refusals (`incident_retracted`, `needs_two_independent_sources`...). */
  code?: string;
  expectedVersion?: number | string;
  actualVersion?: number;
  correlationId?: string;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

// URNs name our problem types without promising a page at an address.
export const PROBLEM_TYPES = {
  validation: 'urn:rights-ledger:problem:validation',
  wrongExpectedVersion: 'urn:rights-ledger:problem:wrong-expected-version',
  malformedRequest: 'urn:rights-ledger:problem:malformed-request',
  notFound: 'urn:rights-ledger:problem:not-found',
  stateConflict: 'urn:rights-ledger:problem:state-conflict',
  businessRule: 'urn:rights-ledger:problem:business-rule',
  idempotencyKeyReused: 'urn:rights-ledger:problem:idempotency-key-reused',
} as const;

const DOMAIN_STATUS = {
  invalid: HttpStatus.BAD_REQUEST,
  not_found: HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
  rule: HttpStatus.UNPROCESSABLE_ENTITY,
} as const;
const DOMAIN_TYPE = {
  invalid: PROBLEM_TYPES.validation,
  not_found: PROBLEM_TYPES.notFound,
  conflict: PROBLEM_TYPES.stateConflict,
  rule: PROBLEM_TYPES.businessRule,
} as const;

type ProblemBase = Pick<ProblemDetails, 'type' | 'title' | 'status' | 'instance'>;
/** The members every problem starts from, for a status. */
type Base = (status: number) => ProblemBase;

/** Each kind of error we raise on purpose, as its problem; `undefined` for any other error. */
const KNOWN_ERRORS: readonly ((error: unknown, base: Base) => ProblemDetails | undefined)[] = [
  validationProblem,
  domainProblem,
  reusedKeyProblem,
  versionProblem,
  httpProblem,
];

/**
 * How an error becomes a response. `unexpected` is true for errors the code did not mean to
 * raise; their message is never shown (it could carry personal data) and they are logged.
 */
export function toProblem(
  error: unknown,
  instance: string,
  correlationId: string,
): { problem: ProblemDetails; unexpected: boolean } {
  const base: Base = (status) => ({
    type: 'about:blank',
    title: STATUS_CODES[status] ?? 'Error',
    status,
    instance,
  });
  for (const known of KNOWN_ERRORS) {
    const problem = known(error, base);
    if (problem !== undefined) return { problem, unexpected: false };
  }
  const problem = {
    ...base(HttpStatus.INTERNAL_SERVER_ERROR),
    detail: `An unexpected error occurred. Quote the correlation id ${correlationId} when reporting it.`,
    correlationId,
  };
  return { problem, unexpected: true };
}

const invalidFields = (fields: readonly FieldProblem[]) =>
  `Invalid fields: ${[...new Set(fields.map((f) => f.field))].join(', ')}.`;

function validationProblem(error: unknown, base: Base): ProblemDetails | undefined {
  if (!(error instanceof ValidationException)) return undefined;
  return {
    ...base(HttpStatus.BAD_REQUEST),
    type: PROBLEM_TYPES.validation,
    detail: invalidFields(error.fields),
    errors: error.fields,
  };
}

/** The domain writes its messages for the client and never puts submitted values in them. */
function domainProblem(error: unknown, base: Base): ProblemDetails | undefined {
  if (!(error instanceof DomainError)) return undefined;
  return {
    ...base(DOMAIN_STATUS[error.kind]),
    type: DOMAIN_TYPE[error.kind],
    detail:
      error.kind === 'invalid' ? invalidFields(error.errors) : `${error.message} (${error.code}).`,
    code: error.code,
    ...(error.errors.length > 0 && { errors: error.errors }),
  };
}

/** Event ids derive from the Idempotency-Key: ids already stored elsewhere mean a reused key. */
function reusedKeyProblem(error: unknown, base: Base): ProblemDetails | undefined {
  if (!(error instanceof IdempotencyKeyReused || error instanceof DuplicateEventId))
    return undefined;
  return {
    ...base(HttpStatus.UNPROCESSABLE_ENTITY),
    type: PROBLEM_TYPES.idempotencyKeyReused,
    detail: 'This Idempotency-Key was already used for a different request; use a new key.',
  };
}

function versionProblem(error: unknown, base: Base): ProblemDetails | undefined {
  if (!(error instanceof WrongExpectedVersion)) return undefined;
  return {
    ...base(HttpStatus.CONFLICT),
    type: PROBLEM_TYPES.wrongExpectedVersion,
    detail:
      `The record changed since it was read: expected version ${String(error.expected)}, ` +
      `actual version ${error.actual}. Read it again and retry.`,
    expectedVersion: error.expected,
    actualVersion: error.actual,
  };
}

/** The parsers' own messages quote the offending input, which may be personal data. */
const MALFORMED: readonly [new (...args: never[]) => Error, string][] = [
  [SyntaxError, 'The request body is not valid JSON.'],
  [URIError, 'The request path is not validly percent-encoded.'],
];

function httpProblem(error: unknown, base: Base): ProblemDetails | undefined {
  if (!(error instanceof HttpException)) return undefined;
  const status = error.getStatus();
  const malformed = MALFORMED.find(([kind]) => error.cause instanceof kind);
  if (malformed !== undefined) {
    return { ...base(status), type: PROBLEM_TYPES.malformedRequest, detail: malformed[1] };
  }
  return { ...base(status), detail: httpExceptionDetail(error), ...httpExceptionExtras(error) };
}

/**
 * A `code` and extension members our own HttpExceptions may carry (`secondFactorRequired`,
 * `retryAfterMs` of a refused sign-in): plain values only.
 */
function httpExceptionExtras(error: HttpException): Record<string, unknown> {
  const response = error.getResponse();
  if (typeof response !== 'object' || response === null) return {};
  const { code, extensions } = response as { code?: unknown; extensions?: unknown };
  const extras: Record<string, unknown> = typeof code === 'string' ? { code } : {};
  if (typeof extensions === 'object' && extensions !== null) {
    for (const [key, value] of Object.entries(extensions)) {
      // Objects too: a sign-in problem carries the WebAuthn options of a passkey.
      const member = ['string', 'number', 'boolean', 'object'].includes(typeof value);
      if (member && value !== null && !(key in PROBLEM_BASE_KEYS)) extras[key] = value;
    }
  }
  return extras;
}

// Extension members never replace the standard ones.
const PROBLEM_BASE_KEYS = { type: 1, title: 1, status: 1, detail: 1, instance: 1 };

/** Our own HttpExceptions carry a message written for the client. */
function httpExceptionDetail(error: HttpException): string {
  const response = error.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (typeof message === 'string') return message;
  if (Array.isArray(message)) return message.map(String).join('; ');
  return error.message;
}
