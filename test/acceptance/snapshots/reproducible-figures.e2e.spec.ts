import request from 'supertest';
import { startTestApp, TestApp } from '../../support/test-app';

/**
 * Acceptance (issue 4): pin a snapshot, then reclassify 10 acts and retract 3 incidents
 * through the API. Statistics as of the snapshot are unchanged to the digit, current ones
 * reflect the changes, and the diff lists exactly those 13 changes with their reasons.
 */
const CATEGORIES = ['civil_activist', 'journalist', 'human_rights_defender', 'political_activist'];
const TYPES = ['detention', 'administrative_fine', 'summons'];
const BREAKDOWNS = [
  'measure=acts&groupBy=targetCategory',
  'measure=persons&groupBy=targetCategory',
  'measure=incidents&groupBy=type',
  'measure=acts&groupBy=month,targetCategory',
];

describe('figures pinned by a snapshot stay reproducible', () => {
  let t: TestApp;
  let last = '';
  const incidents: { id: string; actIds: string[] }[] = [];

  beforeAll(async () => {
    t = await startTestApp('pglite');
    for (let i = 0; i < 24; i++) {
      const res = await post('/incidents', {
        title: `Case ${i + 1}`,
        country: 'KZ',
        occurred: { date: `2020-${String((i % 12) + 1).padStart(2, '0')}`, precision: 'month' },
        type: TYPES[i % TYPES.length],
        targets: [0, 1].slice(0, 1 + (i % 2)).map((k) => ({
          person: { name: `Person ${i}-${k}` },
          category: CATEGORIES[(i + k) % CATEGORIES.length],
        })),
      }).expect(201);
      const read = await request(t.server).get(`/incidents/${res.body.id}`).set(t.auth).expect(200);
      incidents.push({
        id: res.body.id,
        actIds: read.body.targets.map((x: { actId: string }) => x.actId),
      });
    }
  }, 120_000);
  afterAll(async () => t?.close());

  function post(path: string, body: object) {
    return request(t.server)
      .post(path)
      .set(t.auth)
      .send(body)
      .expect((res) => {
        if (res.body?.position) last = res.body.position;
      });
  }
  const stats = async (query: string) => {
    const { body } = await request(t.server)
      .get(`/stats?${query}&after=${last}`)
      .set(t.auth)
      .expect(200);
    return { rows: body.rows, total: body.total };
  };
  const pin = async (name: string) =>
    (await post(`/snapshots?after=${last}`, { name, note: 'monthly report' }).expect(201)).body
      .id as string;

  it('keeps the pinned figures, moves the current ones, and lists the 13 changes with their reasons', async () => {
    const a = await pin('Report 2020');
    const pinned = await Promise.all(BREAKDOWNS.map((q) => stats(q)));

    const reclassified = incidents
      .flatMap((x) => x.actIds.map((actId) => ({ id: x.id, actId })))
      .slice(0, 10);
    for (const { id, actId } of reclassified) {
      await post(`/incidents/${id}/corrections`, {
        field: 'targetCategory',
        actId,
        value: 'lawyer',
        reason: 'reclassified',
        note: 'defence lawyer, per the court record',
      }).expect(201);
    }
    const retracted = incidents.slice(-3);
    for (const { id } of retracted) {
      await post(`/incidents/${id}/retraction`, {
        reason: 'duplicate_entry',
        note: 'entered twice',
      }).expect(201);
    }
    const b = await pin('Report 2020, revised');

    // As of the snapshot: exactly what was pinned.
    for (const [i, query] of BREAKDOWNS.entries()) {
      expect(await stats(`${query}&asOf=snapshot:${a}`)).toEqual(pinned[i]);
    }
    // Now: the 10 acts are lawyers' (minus any in the retracted incidents), 3 incidents fewer.
    const lawyers = (await stats('measure=acts&groupBy=targetCategory')).rows.find(
      (r: { keys: { targetCategory: string } }) => r.keys.targetCategory === 'lawyer',
    );
    const retractedIds = new Set(retracted.map((x) => x.id));
    expect(lawyers?.value).toBe(reclassified.filter((r) => !retractedIds.has(r.id)).length);
    expect((await stats('measure=incidents')).total).toBe(incidents.length - 3);
    expect(pinned[2].total).toBe(incidents.length);

    const { body: diff } = await request(t.server)
      .get(`/snapshots/${a}/diff/${b}`)
      .set(t.auth)
      .expect(200);
    expect(diff.changes).toHaveLength(13);
    expect(diff.counts).toMatchObject({ reclassified: 10, retracted: 3 });
    const reclassifications = diff.changes.filter(
      (c: { change: string }) => c.change === 'reclassified',
    );
    expect(reclassifications.map((c: { actId: string }) => c.actId).sort()).toEqual(
      reclassified.map((r) => r.actId).sort(),
    );
    for (const c of reclassifications)
      expect(c).toMatchObject({
        to: 'lawyer',
        reason: 'reclassified',
        note: 'defence lawyer, per the court record',
      });
    const retractions = diff.changes.filter((c: { change: string }) => c.change === 'retracted');
    expect(retractions.map((c: { incidentId: string }) => c.incidentId).sort()).toEqual(
      [...retractedIds].sort(),
    );
    for (const c of retractions)
      expect(c).toMatchObject({ reason: 'duplicate_entry', note: 'entered twice' });
  });
});
