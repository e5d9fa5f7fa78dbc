import request from 'supertest';
import { IncidentProjections } from '@app/read-models';
import { openApiGaps } from '../../../../../test/support/openapi-document';
import { startTestApp, TestApp } from '../../../../../test/support/test-app';

const monthIndex = (month: string) =>
  Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;

/** The month `back` months before `month` (YYYY-MM). */
function monthsBefore(month: string, back: number): string {
  const index = monthIndex(month) - back;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

const person = (name: string, category = 'civil_activist') => ({ person: { name }, category });

describe.each(['pglite', 'postgres'] as const)('GET /stats/lag (%s)', (backend) => {
  let t: TestApp;
  const thisMonth = new Date().toISOString().slice(0, 7);
  const oneBack = monthsBefore(thisMonth, 1);
  const threeBack = monthsBefore(thisMonth, 3);
  // The month each incident was recorded in, read back from the API: the expected lags hold
  // even if the test runs across a month boundary.
  const recordedMonth: Record<string, string> = {};
  let last = '';
  let retractedReportedAt = '';

  beforeAll(async () => {
    t = await startTestApp(backend);
    const record = async (key: string, incident: object) => {
      const { body } = await post('/incidents', {
        title: `Lag case ${key}`,
        country: 'KZ',
        type: 'detention',
        ...incident,
      }).expect(201);
      const read = await get(`/incidents/${body.id}`).expect(200);
      recordedMonth[key] = read.body.recordedAt.slice(0, 7);
      last = body.position;
      return read.body;
    };
    await record('now', {
      occurred: { date: thisMonth, precision: 'month' },
      targets: [person('A')],
    });
    const late = await record('oneBack', {
      occurred: { date: oneBack, precision: 'month' },
      targets: [person('B'), person('C')],
    });
    await record('threeBack', {
      country: 'KG',
      type: 'administrative_arrest',
      occurred: { date: threeBack, precision: 'month' },
      targets: [person('D')],
    });
    // Not in the triangle: month unknown, no target, retracted.
    await record('yearOnly', {
      occurred: { date: threeBack.slice(0, 4), precision: 'year' },
      targets: [person('E')],
    });
    await record('noTarget', { occurred: { date: oneBack, precision: 'month' } });
    const retracted = await record('retracted', {
      occurred: { date: threeBack, precision: 'month' },
      targets: [person('F')],
    });
    retractedReportedAt = retracted.recordedAt;
    // A reclassification opens a new row: the act still counts once, from when it was first known.
    await post(`/incidents/${late.id}/corrections`, {
      field: 'targetCategory',
      actId: late.targets[0].actId,
      value: 'lawyer',
      reason: 'reclassified',
    }).expect(201);
    last = (
      await post(`/incidents/${retracted.id}/retraction`, { reason: 'duplicate_entry' }).expect(201)
    ).body.position;
    // Wait for the projection to pass the last write (the queries also send it as `after`).
    const projections = t.app.get(IncidentProjections);
    const deadline = Date.now() + 60_000;
    while ((await projections.position()) < last && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  });
  afterAll(async () => t?.close());

  const post = (path: string, body: object) => request(t.server).post(path).set(t.auth).send(body);
  const get = (path: string) => request(t.server).get(path).set(t.auth);
  const lag = (query: string) => get(`/stats/lag?after=${last}${query}`).expect(200);

  /** Expected rows from (key, occurrence month, acts), with byLag keys 0 to the largest lag. */
  const expectedRows = (acts: [key: string, month: string, count: number][]) => {
    const lags = acts.map(([key, month, count]) => ({
      month,
      count,
      lag: monthIndex(recordedMonth[key]) - monthIndex(month),
    }));
    const maxLag = Math.max(...lags.map((l) => l.lag));
    const months = [...new Set(lags.map((l) => l.month))].sort();
    return months.map((month) => {
      const byLag: Record<string, number> = {};
      for (let k = 0; k <= maxLag; k++) byLag[String(k)] = 0;
      let total = 0;
      for (const l of lags.filter((x) => x.month === month)) {
        byLag[String(l.lag)] += l.count;
        total += l.count;
      }
      return { month, total, byLag };
    });
  };

  it('spreads the acts counted now by months from occurrence to first record', async () => {
    const { body } = await lag('');
    expect(body.rows).toEqual(
      expectedRows([
        ['threeBack', threeBack, 1],
        ['oneBack', oneBack, 2],
        ['now', thisMonth, 1],
      ]),
    );
    // Recorded within the month they happened, the month before and three months before.
    if (Object.values(recordedMonth).every((m) => m === thisMonth)) {
      expect(body.rows.map((r: { byLag: object }) => r.byLag)).toEqual([
        { '0': 0, '1': 0, '2': 0, '3': 1 },
        { '0': 0, '1': 2, '2': 0, '3': 0 },
        { '0': 1, '1': 0, '2': 0, '3': 0 },
      ]);
    }
    expect(body.asOf).toBeNull();
    expect(body.definitions.reading).toContain('+12 March cases learned in April');
  });

  it('filters by country, type and occurrence months', async () => {
    expect((await lag('&country=KG')).body.rows).toEqual(
      expectedRows([['threeBack', threeBack, 1]]),
    );
    expect((await lag('&type=detention')).body.rows).toEqual(
      expectedRows([
        ['oneBack', oneBack, 2],
        ['now', thisMonth, 1],
      ]),
    );
    expect((await lag(`&from=${oneBack}&to=${oneBack}`)).body.rows).toEqual(
      expectedRows([['oneBack', oneBack, 2]]),
    );
  });

  it('as of a past time: the retracted incident still counts, later ones do not exist yet', async () => {
    const { body } = await lag(`&asOf=${retractedReportedAt}`);
    expect(body.asOf).toBe(retractedReportedAt);
    expect(body.rows).toEqual(
      expectedRows([
        ['threeBack', threeBack, 1],
        ['retracted', threeBack, 1],
        ['oneBack', oneBack, 2],
        ['now', thisMonth, 1],
      ]),
    );
    const before = await lag('&asOf=2000-01-01T00:00:00Z');
    expect(before.body.rows).toEqual([]);
  });

  it('answers CSV for Accept: text/csv', async () => {
    const csv = await get(`/stats/lag?after=${last}&country=KG`)
      .set('Accept', 'text/csv')
      .expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const [row] = expectedRows([['threeBack', threeBack, 1]]);
    const lags = Object.keys(row.byLag);
    expect(csv.text).toBe(
      `month,total,${lags.map((k) => `lag_${k}`).join(',')}\r\n` +
        `${row.month},${row.total},${lags.map((k) => row.byLag[k]).join(',')}\r\n`,
    );
  });

  it('refuses a bad asOf, month or code, naming the parameter', async () => {
    for (const [query, field] of [
      ['asOf=2021-02-30T00:00:00Z', 'asOf'],
      ['asOf=yesterday', 'asOf'],
      ['asOf=2021-05-31T23:59:59', 'asOf'],
      ['from=2021-13', 'from'],
      ['country=XX', 'country'],
      ['from=2021-05&to=2021-04', 'to'],
    ]) {
      const res = await get(`/stats/lag?${query}`).expect(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
  });

  it('is documented with examples', async () => {
    expect(
      await openApiGaps(t.app, [
        { path: '/stats/lag', method: 'get', statuses: ['200', '400', '503'] },
      ]),
    ).toEqual([]);
  });
});
