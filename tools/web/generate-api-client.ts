import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { loadConfig } from '@app/config';
import { AppModule } from '../../apps/api/src/app.module';
import { createOpenApiDocument } from '../../apps/api/src/http-app';
import { API_CLIENT_FILE, renderApiClient } from './api-client';

/**
 * `npm run web:api`: builds the API's module graph in this process (embedded PGlite in a
 * temporary directory: nothing to configure, nothing kept) and writes the web app's client
 * from the document it describes.
 */
async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'rl-openapi-'));
  try {
    const config = loadConfig({ PGLITE_DIR: dir });
    const app = await NestFactory.create<NestExpressApplication>(AppModule.forConfig(config), {
      logger: false,
      abortOnError: false,
    });
    try {
      await writeFile(API_CLIENT_FILE, await renderApiClient(createOpenApiDocument(app)));
      console.log(`wrote ${API_CLIENT_FILE}`);
    } finally {
      await app.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
