import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { AppConfig, redactUrl } from '@app/config';
import {
  AppLogger,
  exitOnStartupFailure,
  loadConfigOrExit,
  preparePrivateDirectory,
} from '@app/infrastructure';

async function bootstrap(config: AppConfig): Promise<void> {
  // Checked before Nest starts: a refusal inside a provider would print Nest's stack trace.
  if (config.database.kind === 'pglite') await preparePrivateDirectory(config.database.dir);
  // Loaded only once the configuration and the data directory pass: the module graph takes
  // about 2 s of CPU to load, which a refused start has no use for.
  const { AppModule } = await import('./app.module');
  const { configureHttpApp } = await import('./http-app');
  // abortOnError: false makes a failed start-up reject here instead of aborting the process.
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forConfig(config), {
    abortOnError: false,
    logger: new AppLogger(config.logLevel),
  });
  app.enableShutdownHooks();
  configureHttpApp(app, {
    corsOrigins: config.corsOrigins ?? [],
    ...(config.trustProxy !== undefined && { trustProxy: config.trustProxy }),
  });
  // Embedded mode is one person's laptop with sensitive data: not reachable from the network.
  const host = config.mode === 'embedded' ? '127.0.0.1' : '0.0.0.0';
  await app.listen(config.port, host);
  new Logger('Bootstrap').log(`rights-ledger API at ${describe(config)}`);
}

function describe(config: AppConfig): string {
  const url = `http://localhost:${config.port}`;
  const store =
    config.eventStore.kind === 'kurrentdb'
      ? `KurrentDB ${redactUrl(config.eventStore.url)}`
      : config.database.kind === 'pglite'
        ? `PGlite in ${config.database.dir}`
        : `PostgreSQL ${redactUrl(config.database.url)}`;
  return `${url} (${config.mode} mode, event store: ${store}; docs at ${url}/docs)`;
}

bootstrap(loadConfigOrExit()).catch(exitOnStartupFailure('rights-ledger API'));
