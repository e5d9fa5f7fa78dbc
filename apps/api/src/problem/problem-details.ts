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

/**
 * How an error becomes a response. `unexpected` is true for errors the code did not mean to
 * raise; their message is never shown (it could carry personal data) and they are logged.
 */
export function toProblem(
  error: unknown,
  instance: string,
  correlationId: string,
): { problem: ProblemDetails; unexpected: boolean } {
  const base = (status: number) => ({
    type: 'about:blank',
    title: STATUS_CODES[status] ?? 'Error',
    status,
    instance,
  });

  if (error instanceof ValidationException) {
    const problem = {
      ...base(HttpStatus.BAD_REQUEST),
      type: PROBLEM_TYPES.validation,
      detail: `Invalid fields: ${[...new Set(error.fields.map((f) => f.field))].join(', ')}.`,
      errors: error.fields,
    };
    return { problem, unexpected: false };
  }

  if (error instanceof DomainError) {
    // The domain writes its messages for the client and never puts submitted values in them.
    const problem = {
      ...base(DOMAIN_STATUS[error.kind]),
      type: DOMAIN_TYPE[error.kind],
      detail:
        error.kind === 'invalid'
          ? `Invalid fields: ${[...new Set(error.errors.map((f) => f.field))].join(', ')}.`
          : `${error.message} (${error.code}).`,
      code: error.code,
      ...(error.errors.length > 0 && { errors: error.errors }),
    };
    return { problem, unexpected: false };
  }

  // Event ids derive from the Idempotency-Key: ids already stored elsewhere mean a reused key.
  if (error instanceof IdempotencyKeyReused || error instanceof DuplicateEventId) {
    const problem = {
      ...base(HttpStatus.UNPROCESSABLE_ENTITY),
      type: PROBLEM_TYPES.idempotencyKeyReused,
      detail: 'This Idempotency-Key was already used for a different request; use a new key.',
    };
    return { problem, unexpected: false };
  }

  if (error instanceof WrongExpectedVersion) {
    const problem = {
      ...base(HttpStatus.CONFLICT),
      type: PROBLEM_TYPES.wrongExpectedVersion,
      detail:
        `The record changed since it was read: expected version ${String(error.expected)}, ` +
        `actual version ${error.actual}. Read it again and retry.`,
      expectedVersion: error.expected,
      actualVersion: error.actual,
    };
    return { problem, unexpected: false };
  }

  if (error instanceof HttpException) {
    const status = error.getStatus();
    // The parsers' own messages quote the offending input, which may be personal data.
    if (error.cause instanceof SyntaxError) {
      const detail = 'The request body is not valid JSON.';
      return {
        problem: { ...base(status), type: PROBLEM_TYPES.malformedRequest, detail },
        unexpected: false,
      };
    }
    if (error.cause instanceof URIError) {
      const detail = 'The request path is not validly percent-encoded.';
      return {
        problem: { ...base(status), type: PROBLEM_TYPES.malformedRequest, detail },
        unexpected: false,
      };
    }
    return {
      problem: {
        ...base(status),
        detail: httpExceptionDetail(error),
        ...httpExceptionExtras(error),
      },
      unexpected: false,
    };
  }

  const problem = {
    ...base(HttpStatus.INTERNAL_SERVER_ERROR),
    detail: `An unexpected error occurred. Quote the correlation id ${correlationId} when reporting it.`,
    correlationId,
  };
  return { problem, unexpected: true };
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
      if (['string', 'number', 'boolean'].includes(typeof value) && !(key in PROBLEM_BASE_KEYS))
        extras[key] = value;
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
