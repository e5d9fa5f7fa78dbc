import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppConfig } from '@app/config';
import { exitOnStartupFailure, loadConfigOrExit } from '@app/infrastructure';
import { WorkerModule } from './worker.module';

async function bootstrap(config: AppConfig): Promise<void> {
  const app = await NestFactory.createApplicationContext(WorkerModule.forConfig(config), {
    abortOnError: false,
  });
  app.enableShutdownHooks();
  // The worker lives until a shutdown signal, whatever its projections are doing.
  setInterval(() => undefined, 2 ** 30);
  new Logger('Worker').log(`rights-ledger worker ready (${config.mode} mode)`);
}

bootstrap(loadConfigOrExit()).catch(exitOnStartupFailure('rights-ledger worker'));
