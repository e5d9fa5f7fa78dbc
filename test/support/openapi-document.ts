import request from 'supertest';
import { INestApplication } from '@nestjs/common';

interface Operation {
  responses: Record<string, unknown>;
  requestBody?: { content: Record<string, { schema: { $ref?: string } }> };
  parameters?: { name: string; in: string; example?: unknown; schema?: { example?: unknown } }[];
}

interface Document {
  paths: Record<string, Record<string, Operation | undefined>>;
  components: { schemas: Record<string, { properties?: Record<string, { example?: unknown }> }> };
}

/**
 * What the OpenAPI document (/docs-json) lacks for these operations: an operation, an
 * example for a request body field, path or query parameter, or a documented status.
 * Empty when complete.
 */
export async function openApiGaps(
  app: INestApplication,
  operations: readonly { path: string; method: string; statuses: readonly string[] }[],
): Promise<string[]> {
  const document = (await request(app.getHttpServer()).get('/docs-json')).body as Document;
  return operations.flatMap(({ path, method, statuses }) => {
    const at = `${method.toUpperCase()} ${path}`;
    const operation = document.paths[path]?.[method];
    if (operation === undefined) return [`${at}: missing`];
    const gaps = statuses
      .filter((s) => !(s in operation.responses))
      .map((s) => `${at}: no ${s} response`);
    for (const p of operation.parameters ?? []) {
      if (p.in !== 'header' && p.example === undefined && p.schema?.example === undefined) {
        gaps.push(`${at}: no example for ${p.in} parameter ${p.name}`);
      }
    }
    if (method !== 'get') {
      const ref = operation.requestBody?.content['application/json']?.schema.$ref;
      if (ref === undefined) return [...gaps, `${at}: no request body schema`];
      const properties = document.components.schemas[ref.split('/').pop()!]?.properties ?? {};
      for (const [name, property] of Object.entries(properties)) {
        if (property.example === undefined) gaps.push(`${at}: no example for body field ${name}`);
      }
    }
    return gaps;
  });
}
