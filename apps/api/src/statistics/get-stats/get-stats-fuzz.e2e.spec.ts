import fc from 'fast-check';
import request from 'supertest';
import { startTestApp, TestApp } from '../../../../../test/support/test-app';

// Property: whatever query string a client sends to the read side, never a 5xx, every error
// is problem+json.
const PARAMETERS = [
  'measure',
  'groupBy',
  'asOf',
  'after',
  'country',
  'region',
  'source',
  'sourceRole',
  'legalArticle',
  'tag',
  'from',
  'to',
  'year',
  'status',
  'q',
  'limit',
  'cursor',
];
const value = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom(
    'acts',
    'persons',
    'month,source',
    'right,legalArticle',
    "' OR 1=1 --",
    '%_\\',
    '0000-01-01T00:00:00Z',
    '0001-01-01T00:00:00+05:00',
    '9999-12-31T23:59:59Z',
    '0000-01',
    '0000',
    '00000000000000000000.00000000000000000000',
    'snapshot:x',
    'KZ|405',
    '-1',
    '1e3',
    '\u0000',
  ),
);
const query = fc
  .array(fc.tuple(fc.constantFrom(...PARAMETERS), value), { maxLength: 5 })
  .map((pairs) => pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&'));

describe('GET /stats and GET /incidents fuzzing: never a 5xx', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('postgres');
  });
  afterAll(async () => t?.close());

  it.each(['/stats', '/incidents'])('%s', async (path) => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          query,
          query.map((q) => `measure=acts&${q}`),
        ),
        async (q) => {
          const response = await request(t.server).get(`${path}?${q}`).set(t.auth);
          expect(response.status).toBeLessThan(500);
          if (response.status >= 400) {
            expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
