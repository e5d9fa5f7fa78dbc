import request from 'supertest';
import { DomainError } from '@app/domain';
import { openApiGaps } from '../../../../test/support/openapi-document';
import { startTestApp, TestApp } from '../../../../test/support/test-app';
import { tokenInNewWorkspace } from '../../../../test/support/workspaces';
import { SnapshotPositions } from '@app/read-models/snapshots/snapshot-positions';

// Seed: Retreating Rights - Kazakhstan, the Kadyr-Kasiyet 2020 figures (see test/acceptance).
const memorialDetentions = {
  title: 'Detentions after the memorial for Dulat Agadil',
  country: 'KZ',
  occurred: { date: '2020-02', precision: 'month' },
  type: 'administrative_arrest',
  targets: [
    { person: { name: 'Memorial participant A' }, category: 'civil_activist' },
    { person: { name: 'Memorial participant B' }, category: 'civil_activist' },
  ],
};
const rallyFine = {
  title: 'Fine after the authorised rally for political reform',
  country: 'KZ',
  occurred: { date: '2020-10', precision: 'month' },
  type: 'administrative_fine',
  targets: [{ person: { name: 'Rally organiser' }, category: 'political_activist' }],
};
const enteredTwice = {
  title: 'Detention at the memorial (entered twice)',
  country: 'KZ',
  occurred: { date: '2020-02', precision: 'month' },
  type: 'detention',
  targets: [{ person: { name: 'Memorial participant C' }, category: 'civil_activist' }],
};

describe.each(['pglite', 'postgres'] as const)('Snapshots (%s)', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(backend);
  });
  afterAll(async () => t?.close());

  const post = (path: string, body: object, headers: Record<string, string> = {}) =>
    request(t.server).post(path).set(t.auth).set(headers).send(body);
  const get = (path: string, auth = t.auth) => request(t.server).get(path).set(auth);

  /**
   * GET /snapshots once it lists every one of `ids`: the list reads the event log, which shows
   * a write once every transaction older than it has ended.
   */
  const listing = async (ids: string[], auth = t.auth) => {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const { body } = await get('/snapshots', auth).expect(200);
      const listed = body.snapshots.map((s: { id: string }) => s.id);
      if (ids.every((id) => listed.includes(id)) || Date.now() > deadline) return body.snapshots;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };

  // Shared by the tests below, which run in order.
  const ids = { before: '', a: '', b: '' };
  const recorded: string[] = [];

  it('pins A right after three incidents are recorded, then B after two reclassifications and a retraction: the diff lists exactly those three changes', async () => {
    ids.before = (await post('/snapshots', { name: 'Before monitoring' }).expect(201)).body.id;

    let last = '';
    for (const incident of [memorialDetentions, rallyFine, enteredTwice]) {
      const { body } = await post('/incidents', incident).expect(201);
      recorded.push(body.id);
      last = body.position;
    }
    const [memorial, rally, twice] = recorded;

    // No waiting here: the snapshot waits until the statistics include the last write.
    const a = await post(`/snapshots?after=${last}`, {
      name: 'Kadyr-Kasiyet annual report 2020',
      note: 'Figures as published on 22 July 2021',
    }).expect(201);
    expect(a.body).toEqual({
      id: expect.any(String),
      version: 1,
      position: expect.any(String),
      pinned: { position: last, name: 'Kadyr-Kasiyet annual report 2020' },
    });
    ids.a = a.body.id;

    const memorialActs = (await get(`/incidents/${memorial}`).expect(200)).body.targets;
    const rallyActs = (await get(`/incidents/${rally}`).expect(200)).body.targets;
    const lawyer = await post(`/incidents/${memorial}/corrections`, {
      field: 'targetCategory',
      actId: memorialActs[1].actId,
      value: 'lawyer',
      reason: 'reclassified',
    }).expect(201);
    const humanRightsDefender = await post(`/incidents/${rally}/corrections`, {
      field: 'targetCategory',
      actId: rallyActs[0].actId,
      value: 'human_rights_defender',
      reason: 'new_evidence',
      note: 'Works for the Kazakhstan International Bureau for Human Rights',
    }).expect(201);
    const retraction = await post(`/incidents/${twice}/retraction`, {
      reason: 'duplicate_entry',
      note: 'Entered twice from the same monthly sheet',
    }).expect(201);

    const b = await post(`/snapshots?after=${retraction.body.position}`, {
      name: 'Retreating Rights - Kazakhstan',
    }).expect(201);
    expect(b.body.pinned.position).toBe(retraction.body.position);
    ids.b = b.body.id;

    const diff = await get(`/snapshots/${ids.a}/diff/${ids.b}`).expect(200);
    expect(diff.body.a).toMatchObject({ id: ids.a, position: last });
    expect(diff.body.b).toMatchObject({ id: ids.b, position: retraction.body.position });
    expect(diff.body.counts).toEqual({
      added: 0,
      reclassified: 2,
      corrected: 0,
      retracted: 1,
      merged: 0,
      unmerged: 0,
    });
    expect(diff.body.changes).toEqual([
      {
        incidentId: memorial,
        change: 'reclassified',
        field: 'targetCategory',
        actId: memorialActs[1].actId,
        from: 'civil_activist',
        to: 'lawyer',
        reason: 'reclassified',
        recordedAt: expect.any(String),
        position: lawyer.body.position,
      },
      {
        incidentId: rally,
        change: 'reclassified',
        field: 'targetCategory',
        actId: rallyActs[0].actId,
        from: 'political_activist',
        to: 'human_rights_defender',
        reason: 'new_evidence',
        note: 'Works for the Kazakhstan International Bureau for Human Rights',
        recordedAt: expect.any(String),
        position: humanRightsDefender.body.position,
      },
      {
        incidentId: twice,
        change: 'retracted',
        reason: 'duplicate_entry',
        note: 'Entered twice from the same monthly sheet',
        recordedAt: expect.any(String),
        position: retraction.body.position,
      },
    ]);
    const history = (await get(`/incidents/${twice}/history`).expect(200)).body.entries;
    expect(diff.body.changes[2].recordedAt).toBe(history[history.length - 1].recordedAt);
  });

  it('lists the incidents recorded between a snapshot and the next as added', async () => {
    const diff = await get(`/snapshots/${ids.before}/diff/${ids.a}`).expect(200);
    expect(diff.body.changes).toEqual(
      recorded.map((incidentId) => expect.objectContaining({ incidentId, change: 'added' })),
    );
    expect(diff.body.counts).toMatchObject({ added: 3, reclassified: 0, retracted: 0 });
  });

  it('two snapshots with nothing recorded between them pin one position: an empty diff', async () => {
    const c = await post('/snapshots', { name: 'Quarterly update' }).expect(201);
    expect(c.body.pinned.position).toBe(
      (await get(`/snapshots/${ids.b}`).expect(200)).body.position,
    );
    const diff = await get(`/snapshots/${ids.b}/diff/${c.body.id}`).expect(200);
    expect(diff.body.changes).toEqual([]);
    await get(`/snapshots/${c.body.id}/diff/${ids.b}`).expect(400);
  });

  it('reads one snapshot, and lists the workspace’s newest first', async () => {
    const a = await get(`/snapshots/${ids.a}`).expect(200);
    expect(a.body).toEqual({
      id: ids.a,
      version: 1,
      name: 'Kadyr-Kasiyet annual report 2020',
      note: 'Figures as published on 22 July 2021',
      position: expect.any(String),
      pinnedAt: expect.any(String),
      recordedAt: expect.any(String),
    });
    const list = await listing([ids.before, ids.a, ids.b]);
    const order = list.map((s: { id: string }) => s.id);
    expect(order.slice(-3)).toEqual([ids.b, ids.a, ids.before]);
    expect(list.find((s: { id: string }) => s.id === ids.a)).toEqual(a.body);
  });

  it('refuses a diff backwards or with itself (400), an unknown or malformed id', async () => {
    const backwards = await get(`/snapshots/${ids.b}/diff/${ids.a}`).expect(400);
    expect(backwards.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(backwards.body.errors).toEqual([{ field: 'b', message: expect.any(String) }]);
    await get(`/snapshots/${ids.a}/diff/${ids.a}`).expect(400);
    const unknown = '6f1c1a52-3b9e-4c55-9d0e-2f7f1a0c9e11';
    await get(`/snapshots/${unknown}`).expect(404);
    await get(`/snapshots/${ids.a}/diff/${unknown}`).expect(404);
    const malformed = await get(`/snapshots/not-a-snapshot/diff/${ids.b}`).expect(400);
    expect(malformed.body.errors[0].field).toBe('a');
  });

  it('keeps snapshots inside their workspace', async () => {
    const other = { Authorization: `Bearer ${await tokenInNewWorkspace(t.app)}` };
    await get(`/snapshots/${ids.a}`, other).expect(404);
    await get(`/snapshots/${ids.a}/diff/${ids.b}`, other).expect(404);
    expect((await get('/snapshots', other).expect(200)).body.snapshots).toEqual([]);

    const theirs = await request(t.server)
      .post('/snapshots')
      .set(other)
      .send({ name: 'Another NGO report' })
      .expect(201);
    await get(`/snapshots/${theirs.body.id}/diff/${ids.b}`).expect(404);
    expect(await listing([theirs.body.id], other)).toHaveLength(1);
    const ours = await listing([ids.a]);
    expect(ours.map((s: { id: string }) => s.id)).not.toContain(theirs.body.id);

    const positions = t.app.get(SnapshotPositions);
    const me = (await get('/me').expect(200)).body;
    await expect(positions.resolve(me.workspaceId, ids.a)).resolves.toBe(
      (await get(`/snapshots/${ids.a}`).expect(200)).body.position,
    );
    await expect(positions.resolve(me.workspaceId, theirs.body.id)).rejects.toMatchObject({
      kind: 'not_found',
      code: 'snapshot_not_found',
    });
    await expect(positions.resolve(me.workspaceId, 'not-a-uuid')).rejects.toBeInstanceOf(
      DomainError,
    );
  });

  it('a retry with the same Idempotency-Key pins nothing new and answers the same', async () => {
    const key = `snapshot-${backend}-${Date.now()}`;
    const first = await post(
      '/snapshots',
      { name: 'Monthly bulletin' },
      { 'Idempotency-Key': key },
    );
    await post('/incidents', rallyFine).expect(201); // the position moves on; the answer must not
    const retry = await post(
      '/snapshots',
      { name: 'Monthly bulletin' },
      { 'Idempotency-Key': key },
    );
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    const list = await listing([first.body.id]);
    expect(list.filter((s: { name: string }) => s.name === 'Monthly bulletin')).toHaveLength(1);
    await post('/snapshots', { name: 'Another bulletin' }, { 'Idempotency-Key': key }).expect(422);
  });

  it('refuses a blank name and unknown fields, naming them', async () => {
    const blank = await post('/snapshots', { name: '  ' }).expect(400);
    expect(blank.body.errors.map((e: { field: string }) => e.field)).toEqual(['name']);
    const extra = await post('/snapshots', { name: 'X', position: '0' }).expect(400);
    expect(extra.body.errors.map((e: { field: string }) => e.field)).toEqual(['position']);
  });

  it('documents every snapshot operation with examples', async () => {
    expect(
      await openApiGaps(t.app, [
        { path: '/snapshots', method: 'post', statuses: ['201', '400', '422', '503'] },
        { path: '/snapshots', method: 'get', statuses: ['200'] },
        { path: '/snapshots/{id}', method: 'get', statuses: ['200', '400', '404'] },
        { path: '/snapshots/{a}/diff/{b}', method: 'get', statuses: ['200', '400', '404'] },
      ]),
    ).toEqual([]);
  });
});
