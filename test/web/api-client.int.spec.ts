import { createOpenApiDocument } from '../../apps/api/src/http-app';
import { startTestApp, TestApp } from '../support/test-app';
import { committedApiClient, renderApiClient } from '../../tools/web/api-client';

/**
 * The web app's typed client (apps/web/src/api/schema.d.ts) is generated from the API's own
 * OpenAPI document. When a DTO changes and the client is not regenerated, this fails: run
 * `npm run web:api` and commit the result.
 */
describe('the committed web API client', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('pglite');
  }, 120_000);
  afterAll(async () => t?.close());

  it('is what `npm run web:api` generates from the current OpenAPI document', async () => {
    const fresh = await renderApiClient(createOpenApiDocument(t.app));
    const committed = await committedApiClient();
    // Compare line by line so a failure names the first stale line, not two 5,000-line blobs.
    const freshLines = fresh.split('\n');
    const committedLines = committed.split('\n');
    const first = freshLines.findIndex((line, i) => line !== committedLines[i]);
    expect({
      firstDifferentLine:
        first === -1 && freshLines.length === committedLines.length ? null : first + 1,
    }).toEqual({ firstDifferentLine: null });
  });

  it('types the answers the web app reads (no untyped bodies)', async () => {
    const client = await committedApiClient();
    for (const schema of [
      'IncidentResponseDto',
      'IncidentHistoryResponseDto',
      'JobAcceptedDto',
      'JobProblemDto',
      'RebuildStatusDto',
    ]) {
      expect(client).toContain(`${schema}: {`);
    }
    // CorrectIncidentRequestDto.value is a union, not `Record<string, never>`.
    const correction = client.slice(client.indexOf('CorrectIncidentRequestDto: {'));
    expect(correction.slice(0, correction.indexOf('};'))).toMatch(/value: string \| string\[\] \|/);
  });
});
