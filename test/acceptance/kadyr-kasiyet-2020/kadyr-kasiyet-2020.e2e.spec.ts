import request from 'supertest';
import { startTestApp, TestApp } from '../../support/test-app';
import { ACTS_BY_MONTH, PERSONS_BY_CATEGORY } from './kadyr-kasiyet-2020.dataset';
import { recordKadyrKasiyet2020 } from './record-kadyr-kasiyet-2020';

/**
 * Acceptance (issue 4): the Kadyr-Kasiyet 2020 year recorded as a monitor would, through the
 * HTTP API, gives back the published figures from GET /stats.
 */
describe('Kadyr-Kasiyet 2020, recorded through the HTTP API', () => {
  let t: TestApp;
  let lastPosition = '';

  beforeAll(async () => {
    t = await startTestApp('postgres');
    const recorded = await recordKadyrKasiyet2020(t.server, t.auth);
    lastPosition = recorded.lastPosition;
    expect(recorded.personIds.size).toBe(684);
  }, 600_000);
  afterAll(async () => t?.close());

  const stats = (query: string) =>
    request(t.server).get(`/stats?${query}&after=${lastPosition}`).set(t.auth).expect(200);

  it('counts 684 persons, by target category exactly as published', async () => {
    const { body } = await stats('measure=persons&groupBy=targetCategory&year=2020');
    const byCategory = Object.fromEntries(
      body.rows.map((r: { keys: { targetCategory: string }; value: number }) => [
        r.keys.targetCategory,
        r.value,
      ]),
    );
    expect(byCategory).toEqual(PERSONS_BY_CATEGORY);
    expect(body.total).toBe(684);
  });

  it('counts 1,414 acts (threats)', async () => {
    const { body } = await stats('measure=acts&year=2020');
    expect(body.total).toBe(1414);
  });

  it('peaks in February and October', async () => {
    const { body } = await stats('measure=acts&groupBy=month&year=2020');
    const series = body.rows.map((r: { keys: { month: string | null }; value: number }) => [
      r.keys.month,
      r.value,
    ]);
    expect(series).toEqual(
      ACTS_BY_MONTH.map((n, m) => [`2020-${String(m + 1).padStart(2, '0')}`, n]),
    );
    const top = [...series]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 2)
      .map(([month]) => month)
      .sort();
    expect(top).toEqual(['2020-02', '2020-10']);
  });
});
