import { ValidationPipe } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, getSchemaPath, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { documentBearerAuth, SESSION_COOKIE, SESSION_SCHEME } from '@app/auth';
import { ProblemDetailsDto } from './problem/problem-details.dto';
import { NulCharactersPipe } from './problem/nul-characters.pipe';
import { ProblemDetailsFilter } from './problem/problem-details.filter';
import { ValidationException } from '@app/application/validation.exception';
import { configureHttpSecurity, HttpSecurityOptions } from './security/http-security';
import { serveWebApp } from './web-app/serve-web-app';

/** What every HTTP entry point shares: main.ts and the in-process tests. */
export function configureHttpApp(
  app: NestExpressApplication,
  security: HttpSecurityOptions = {},
): void {
  app.disable('x-powered-by');
  configureHttpSecurity(app, security);
  // Before the API's routes: page navigations get the app, everything else the API.
  serveWebApp(app);
  app.useGlobalPipes(
    new NulCharactersPipe(),
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      // Keep submitted values out of the errors: they may be personal data.
      validationError: { target: false, value: false },
      exceptionFactory: (errors) => ValidationException.fromValidationErrors(errors),
    }),
  );
  app.useGlobalFilters(new ProblemDetailsFilter(app.get(HttpAdapterHost)));

  const document = createOpenApiDocument(app);
  // Serves the UI at /docs and the document at /docs-json.
  SwaggerModule.setup('docs', app, document);
}

/** The API's OpenAPI document: served at /docs-json, and the source of the web app's client. */
export function createOpenApiDocument(app: NestExpressApplication): OpenAPIObject {
  const created = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('rights-ledger')
      .setDescription(
        'Event-sourced ledger of human-rights incidents. Every error is RFC 9457 ' +
          '`application/problem+json` (schema ProblemDetailsDto). Every request but `GET /health` ' +
          'needs an API token (`Authorization: Bearer <token>`, for scripts) or a signed-in ' +
          'session (the `rl_session` cookie set by `POST /auth/sign-in`, for people; every ' +
          'state-changing request with it sends the header `X-CSRF-Token`).',
      )
      .setVersion('0.1.0')
      .addBearerAuth()
      .addCookieAuth(SESSION_COOKIE, { type: 'apiKey', in: 'cookie' }, SESSION_SCHEME)
      .build(),
    { extraModels: [ProblemDetailsDto] },
  );
  return documentBearerAuth(created, {
    description: 'No valid API token: missing, malformed, unknown, revoked or expired.',
    content: { 'application/problem+json': { schema: { $ref: getSchemaPath(ProblemDetailsDto) } } },
  });
}
