import request from 'supertest';
import { startTestApp, TestApp } from '../../../../../test/support/test-app';

// Acceptance (issue 15): a figure's position reproduces the figure. 40 incidents over
// 2019-2021 are recorded (with corrections and a retraction among them) while, at 30 random
// moments, GET /stats is asked as of the time just past; afterwards each answer is asked
// again by the position it named: the same figures to the digit.

const QUERIES = [
  'measure=acts&groupBy=year,targetCategory',
  'measure=persons&groupBy=month',
  'measure=incidents&groupBy=country&year=2020',
];
const CATEGORIES = ['civil_activist', 'journalist', 'human_rights_defender', 'lawyer'];

// A small deterministic generator: the run is the same every time, its timing is not.
function random(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

interface Answer {
  rows: unknown[];
  total: number;
  position: string;
  positionTime: string | null;
  asOf: string | null;
}

describe('asOf is exact (postgres)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('postgres');
  });
  afterAll(async () => t?.close());

  it('30 times asked during 40 recordings, each answer re-asked by its position gives the same figures', async () => {
    const next = random(15);
    const writes = (async () => {
      const ids: string[] = [];
      for (let i = 0; i < 40; i++) {
        const year = 2019 + (i % 3);
        const month = String(1 + Math.floor(next() * 12)).padStart(2, '0');
        const persons = 1 + Math.floor(next() * 3);
        const created = await request(t.server)
          .post('/incidents')
          .set(t.auth)
          .send({
            title: `Incident ${i}`,
            country: next() < 0.5 ? 'KZ' : 'KG',
            type: 'detention',
            occurred: { date: `${year}-${month}`, precision: 'month' },
            rights: ['freedom_of_peaceful_assembly'],
            perpetrators: [{ source: 'police', role: 'main' }],
            targets: Array.from({ length: persons }, (_, j) => ({
              person: { name: `Person ${i}-${j}` },
              category: CATEGORIES[(i + j) % CATEGORIES.length],
            })),
          })
          .expect(201);
        ids.push(created.body.id);
        // Some knowledge changes too, so a cut in the wrong place shows.
        if (i % 7 === 3) {
          await request(t.server)
            .post(`/incidents/${ids[i - 1]}/retraction`)
            .set(t.auth)
            .send({ reason: 'recorded_in_error' })
            .expect(201);
        }
      }
    })();

    const asked: { query: string; at: string; answer: Answer }[] = [];
    let done = false;
    void writes.finally(() => (done = true));
    const reads = (async () => {
      for (let k = 0; k < 30; k++) {
        await new Promise((resolve) => setTimeout(resolve, 20 + next() * (done ? 5 : 120)));
        const at = new Date().toISOString();
        const query = QUERIES[k % QUERIES.length];
        const response = await request(t.server)
          .get(`/stats?${query}&asOf=${encodeURIComponent(at)}`)
          .set(t.auth)
          .expect(200);
        asked.push({ query, at, answer: response.body as Answer });
      }
    })();
    await Promise.all([writes, reads]);

    const positions = new Set(asked.map((a) => a.answer.position));
    expect(positions.size).toBeGreaterThan(3); // the moments fell between different writes
    for (const { query, at, answer } of asked) {
      expect(answer.asOf).toBe(at);
      if (answer.positionTime !== null) expect(answer.positionTime <= at).toBe(true);
      const again = await request(t.server)
        .get(`/stats?${query}&asOf=${answer.position}`)
        .set(t.auth)
        .expect(200);
      expect({ rows: again.body.rows, total: again.body.total }).toEqual({
        rows: answer.rows,
        total: answer.total,
      });
      expect(again.body.position).toBe(answer.position);
      expect(again.body.positionTime).toBe(answer.positionTime);
    }
  });
});
