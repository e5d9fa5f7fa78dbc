// The API as `npm start` runs it, on the projections benchmark's database, with one more thing
// on the same express app: the files of BENCH_STATIC_DIR under /bench-static/, so that a static
// file of an answer's size measures what this HTTP stack (helmet, body parser, express) can
// serve at best. Started and stopped by run.ts (the HTTP section); prints "listening <port>".
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { AppLogger, loadConfigOrExit } from '@app/infrastructure';
import { AppModule } from '../../apps/api/src/app.module';
import { configureHttpApp } from '../../apps/api/src/http-app';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const staticDir = process.env.BENCH_STATIC_DIR;
  if (staticDir === undefined) throw new Error('BENCH_STATIC_DIR is not set');
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forConfig(config), {
    logger: new AppLogger(config.logLevel),
  });
  configureHttpApp(app, {
    corsOrigins: [],
    ...(config.trustProxy !== undefined && { trustProxy: config.trustProxy }),
  });
  // After the security middleware, like every route; before Nest's routes, like the web app.
  app.useStaticAssets(staticDir, { prefix: '/bench-static/', etag: true });
  await app.listen(config.port, '127.0.0.1');
  console.log(`listening ${config.port}`);
  const stop = () => void app.close().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
