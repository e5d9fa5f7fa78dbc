import { STATUS_CODES } from 'node:http';
import { HttpException, HttpStatus } from '@nestjs/common';
import { WrongExpectedVersion } from '@app/event-store';
import { FieldProblem, ValidationException } from './validation.exception';

/** RFC 9457 problem details, the body of every error response of the API. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  /** The request path (without its query, which may hold search terms). */
  instance: string;
  errors?: readonly FieldProblem[];
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
    return { problem: { ...base(status), detail: httpExceptionDetail(error) }, unexpected: false };
  }

  const problem = {
    ...base(HttpStatus.INTERNAL_SERVER_ERROR),
    detail: `An unexpected error occurred. Quote the correlation id ${correlationId} when reporting it.`,
    correlationId,
  };
  return { problem, unexpected: true };
}

/** Our own HttpExceptions carry a message written for the client. */
function httpExceptionDetail(error: HttpException): string {
  const response = error.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (typeof message === 'string') return message;
  if (Array.isArray(message)) return message.map(String).join('; ');
  return error.message;
}
