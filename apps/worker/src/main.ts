import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppConfig } from '@app/config';
import { AppLogger, exitOnStartupFailure, loadConfigOrExit } from '@app/infrastructure';
import { WorkerModule } from './worker.module';

async function bootstrap(config: AppConfig): Promise<void> {
  const app = await NestFactory.createApplicationContext(WorkerModule.forConfig(config), {
    abortOnError: false,
    logger: new AppLogger(config.logLevel),
  });
  app.enableShutdownHooks();
  exitAfterShutdownTimeout();
  // The worker lives until a shutdown signal, whatever its projections are doing.
  setInterval(() => undefined, 2 ** 30);
  new Logger('Worker').log(`rights-ledger worker ready (${config.mode} mode)`);
}

/** How long a shutdown may take: a job hands itself back between batches well within it. */
const SHUTDOWN_TIMEOUT_MS = 30_000;

/**
 * A signal always ends the worker: if closing (a BullMQ worker waiting on a Redis that does not
 * answer, a job that does not stop) takes longer than the timeout, the process exits anyway,
 * and the job records' leases hand its jobs to the next worker.
 */
function exitAfterShutdownTimeout(): void {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      setTimeout(() => {
        new Logger('Worker').error(`shutdown took over ${SHUTDOWN_TIMEOUT_MS / 1000} s: exiting`);
        process.exit(1);
      }, SHUTDOWN_TIMEOUT_MS).unref();
    });
  }
}

bootstrap(loadConfigOrExit()).catch(exitOnStartupFailure('rights-ledger worker'));
