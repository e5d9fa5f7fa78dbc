import { randomUUID } from 'node:crypto';
import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { PROBLEM_CONTENT_TYPE, toProblem } from './problem-details';
import { localizeProblem, requestLang } from './problem-words';

interface RequestLike {
  originalUrl?: string;
  url?: string;
  body?: unknown;
  headers: Record<string, string | string[] | undefined>;
}

const SAFE_CORRELATION_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * Every error of the HTTP API, including unknown routes and unreadable bodies, leaves as
 * RFC 9457 problem+json. Unexpected errors are logged by name and correlation id only: their
 * message and the request body may hold personal data.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<RequestLike>();
    const response: unknown = http.getResponse();
    const adapter = this.adapterHost.httpAdapter;

    const correlationId = correlationIdOf(request);
    const path = (request.originalUrl ?? request.url ?? '/').split('?')[0] ?? '/';
    const { problem: english, unexpected } = toProblem(exception, path, correlationId);
    const problem = localizeProblem(english, requestLang(request));
    if (unexpected) {
      const name = exception instanceof Error ? exception.name : typeof exception;
      this.logger.error(`unexpected ${name.slice(0, 64)} (correlationId=${correlationId})`);
    }

    if (adapter.isHeadersSent(response)) {
      // Too late for a problem body: cut the response so the client sees it failed.
      adapter.end(response);
      return;
    }
    adapter.setHeader(response, 'Content-Type', PROBLEM_CONTENT_TYPE);
    adapter.setHeader(response, 'X-Correlation-Id', correlationId);
    adapter.reply(response, problem, problem.status);
  }
}

function correlationIdOf(request: RequestLike): string {
  const given = request.headers['x-correlation-id'];
  return typeof given === 'string' && SAFE_CORRELATION_ID.test(given) ? given : randomUUID();
}
