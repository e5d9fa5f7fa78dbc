import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { OpenAPIObject } from '@nestjs/swagger';

/** The web app's typed client: generated from the API's own OpenAPI document, committed. */
export const API_CLIENT_FILE = join(__dirname, '../../apps/web/src/api/schema.d.ts');

/** The TypeScript declarations openapi-typescript writes for this document. */
export function renderApiClient(document: OpenAPIObject): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      [join(__dirname, 'render-api-client.mjs')],
      { maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) =>
        error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(stdout),
    );
    child.stdin!.end(JSON.stringify(document));
  });
}

export async function committedApiClient(): Promise<string> {
  return readFile(API_CLIENT_FILE, 'utf8');
}
