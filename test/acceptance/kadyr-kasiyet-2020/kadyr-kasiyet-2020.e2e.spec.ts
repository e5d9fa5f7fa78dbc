import request from 'supertest';
import { startTestApp, TestApp } from '../../support/test-app';
import { ACTS_BY_MONTH, kadyrKasiyet2020, PERSONS_BY_CATEGORY } from './kadyr-kasiyet-2020.dataset';

/**
 * Acceptance (issue 4): the Kadyr-Kasiyet 2020 year recorded as a monitor would, through the
 * HTTP API, gives back the published figures from GET /stats.
 */
describe('Kadyr-Kasiyet 2020, recorded through the HTTP API', () => {
  let t: TestApp;
  let lastPosition = '';
  const { persons, incidents } = kadyrKasiyet2020();

  beforeAll(async () => {
    t = await startTestApp('postgres');
    const personIds = new Map<number, string>();
    for (const [i, incident] of incidents.entries()) {
      const date = `2020-${String(incident.month).padStart(2, '0')}-${String(incident.day).padStart(2, '0')}`;
      const res = await request(t.server)
        .post('/incidents')
        .set(t.auth)
        .set('Idempotency-Key', `kk-2020-${i}`)
        .send({
          title: `Monitoring case ${i + 1}`,
          country: 'KZ',
          occurred: { date, precision: 'day' },
          type: incident.type,
          rights: [incident.right],
          perpetrators: [{ source: incident.mainSource, role: 'main' }],
          targets: incident.persons.map((p) => {
            const known = personIds.get(p);
            const { category, name } = persons[p];
            return known ? { personId: known, category } : { person: { name }, category };
          }),
        });
      if (res.status !== 201)
        throw new Error(`case ${i}: ${res.status} ${JSON.stringify(res.body)}`);
      lastPosition = res.body.position;
      // Learn the ids of people registered inline, to refer to them next time.
      const unknown = incident.persons.filter((p) => !personIds.has(p));
      if (unknown.length > 0) {
        const read = await request(t.server)
          .get(`/incidents/${res.body.id}`)
          .set(t.auth)
          .expect(200);
        incident.persons.forEach((p, k) => personIds.set(p, read.body.targets[k].personId));
      }
    }
    expect(personIds.size).toBe(684);
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
