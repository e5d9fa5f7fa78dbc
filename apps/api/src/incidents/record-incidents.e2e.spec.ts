import request from 'supertest';
import { startTestApp, TestApp } from '../../../../test/support/test-app';

// Seed: incidents KZ-09 and KZ-10 of the Retreating Rights - Kazakhstan report (section
// Introduction › Monitoring the security situation of human rights defenders).
const agadilDeath = {
  title: 'Dulat Agadil dies in pre-trial detention',
  description: 'Dulat Agadil died in pre-trial detention center in Nur-Sultan.',
  country: 'KZ',
  region: 'KZ-71',
  place: 'Pre-trial detention centre, Nur-Sultan',
  occurred: { date: '2020-02', precision: 'month' },
  type: 'death_in_custody',
  rights: ['right_to_life', 'liberty_and_security'],
  targets: [{ person: { name: 'Dulat Agadil' }, category: 'civil_activist' }],
  perpetrators: [
    { source: 'police', role: 'main' },
    { source: 'temporary_detention_facility', role: 'secondary' },
  ],
  sources: [
    {
      title: 'Retreating Rights - Kazakhstan: Introduction',
      url: 'https://fpc.org.uk/retreating-rights-kazakhstan-introduction/',
      publishedOn: '2021-07-22',
      language: 'en',
    },
  ],
  tags: ['agadil'],
};

const memorialDetentions = {
  title: 'Detentions after the memorial for Dulat Agadil',
  country: 'KZ',
  occurred: { date: '2020', precision: 'year' },
  type: 'administrative_arrest',
  rights: ['freedom_of_peaceful_assembly'],
  targets: [
    { person: { name: 'Memorial participant A' }, category: 'civil_activist' },
    { person: { name: 'Memorial participant B' }, category: 'civil_activist' },
  ],
  perpetrators: [
    { source: 'police', role: 'main' },
    { source: 'court', role: 'secondary' },
  ],
  legalBasis: [{ instrument: 'KZ Code of Administrative Offences', article: '488' }],
  tags: ['agadil', 'memorial'],
};

describe.each(['pglite', 'postgres'] as const)('Recording incidents over HTTP (%s)', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(backend);
  });
  afterAll(async () => t?.close());

  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    request(t.server)
      .post(path)
      .set(t.auth)
      .set(headers)
      .send(body as object);
  const get = (path: string) => request(t.server).get(path).set(t.auth);

  it('records the death of Dulat Agadil and the memorial detentions, corrects a field, and reads the history', async () => {
    const death = await post('/incidents', agadilDeath).expect(201);
    expect(death.body).toMatchObject({
      id: expect.any(String),
      version: 1,
      position: expect.any(String),
    });
    const memorial = await post('/incidents', memorialDetentions).expect(201);
    expect(memorial.body.id).not.toBe(death.body.id);

    const read = await get(`/incidents/${memorial.body.id}`).expect(200);
    expect(read.headers.etag).toBe('"1"');
    expect(read.body).toMatchObject({
      title: memorialDetentions.title,
      occurred: { date: '2020', precision: 'year' },
      status: 'recorded',
      verified: false,
    });
    expect(read.body.targets).toHaveLength(2);
    // Names come from each person's own stream, opened with their key, for the roles that see them.
    expect(read.body.targets.map((x: { name: string }) => x.name).sort()).toEqual([
      'Memorial participant A',
      'Memorial participant B',
    ]);

    const correction = await post(
      `/incidents/${death.body.id}/corrections`,
      {
        field: 'place',
        value: 'Pre-trial detention centre No. 1, Nur-Sultan',
        reason: 'new_evidence',
        note: 'Family statement',
      },
      { 'If-Match': '"1"' },
    ).expect(201);
    expect(correction.body.version).toBe(2);

    const history = await get(`/incidents/${death.body.id}/history`).expect(200);
    expect(history.body.entries).toHaveLength(2);
    const [reported, corrected] = history.body.entries;
    expect(reported).toMatchObject({ version: 1, type: 'IncidentReported', by: { name: 'admin' } });
    expect(corrected).toMatchObject({
      version: 2,
      type: 'IncidentCorrected',
      changes: [
        {
          field: 'place',
          from: 'Pre-trial detention centre, Nur-Sultan',
          to: 'Pre-trial detention centre No. 1, Nur-Sultan',
        },
      ],
      reason: 'New evidence',
      reasonCode: 'new_evidence',
      note: 'Family statement',
      by: { userId: expect.any(String), name: 'admin' },
    });
    expect(Date.parse(corrected.recordedAt)).toBeGreaterThanOrEqual(
      Date.parse(reported.recordedAt),
    );
    expect((await get(`/incidents/${death.body.id}`).expect(200)).body.place).toBe(
      'Pre-trial detention centre No. 1, Nur-Sultan',
    );

    const ru = await get(`/incidents/${death.body.id}/history?lang=ru`).expect(200);
    expect(ru.body.entries[1].reason).toMatch(/[А-Яа-яЁё]/);
    expect(ru.body.entries[1].reasonCode).toBe('new_evidence');
    expect(ru.body.entries[0].codes).toMatchObject({
      incident_type: 'death_in_custody',
      country: 'KZ',
    });
  });

  it('20 parallel corrections with the same If-Match: one 2xx, nineteen 409, one correction in the history', async () => {
    const { body } = await post('/incidents', agadilDeath).expect(201);
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        post(
          `/incidents/${body.id}/corrections`,
          { field: 'title', value: `Title ${i}`, reason: 'typo' },
          { 'If-Match': '1' },
        ),
      ),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    const conflict = responses.find((r) => r.status === 409)!;
    expect(conflict.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(conflict.body).toMatchObject({ expectedVersion: 1, actualVersion: 2 });
    const history = await get(`/incidents/${body.id}/history`).expect(200);
    expect(
      history.body.entries.filter((e: { type: string }) => e.type === 'IncidentCorrected'),
    ).toHaveLength(1);
  });

  it('the same POST /incidents sent 5 times with one Idempotency-Key records one incident', async () => {
    const key = `agadil-${backend}-${Date.now()}`;
    const responses = await Promise.all(
      Array.from({ length: 5 }, () => post('/incidents', agadilDeath, { 'Idempotency-Key': key })),
    );
    expect(responses.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    const ids = new Set(responses.map((r) => r.body.id));
    expect(ids.size).toBe(1);
    const [id] = ids;
    const history = await get(`/incidents/${id}/history`).expect(200);
    expect(history.body.entries).toHaveLength(1);
    // A different request under the same key is refused, not silently answered with the first.
    const reused = await post(
      '/incidents',
      { ...agadilDeath, title: 'Another case' },
      { 'Idempotency-Key': key },
    );
    expect(reused.status).toBe(422);
  });

  it('walks an incident through targets, perpetrators, sources, outcomes, verification, duplicates and retraction', async () => {
    const { body } = await post('/incidents', agadilDeath).expect(201);
    const id = body.id as string;
    await post(`/incidents/${id}/verification`, {}).expect(422); // one source only
    await post(`/incidents/${id}/sources`, {
      title: 'Kadyr-Kasiyet monitoring 2020',
      url: 'https://kadyrkasiyet.kz/monitoring-2020',
    }).expect(201);
    await post(`/incidents/${id}/perpetrators`, {
      source: 'national_security_committee',
      role: 'secondary',
    }).expect(201);
    const target = await post(`/incidents/${id}/targets`, {
      person: { name: 'A relative' },
      category: 'relative_of_activist',
    }).expect(201);
    expect(target.body.version).toBe(4);
    const state = (await get(`/incidents/${id}`).expect(200)).body;
    const act = state.targets[0].actId;
    await post(`/incidents/${id}/outcomes`, {
      type: 'died',
      actId: act,
      date: '2020-02-25',
    }).expect(201);
    await post(`/incidents/${id}/verification`, {}).expect(201);
    await post(`/incidents/${id}/verification`, {}).expect(409);

    const other = (await post('/incidents', agadilDeath).expect(201)).body.id;
    await post(`/incidents/${other}/duplicate-of`, { duplicateOf: other }).expect(400);
    await post(`/incidents/${other}/duplicate-of`, { duplicateOf: id }).expect(201);
    expect((await get(`/incidents/${other}`)).body).toMatchObject({
      status: 'duplicate',
      duplicateOf: id,
    });
    await request(t.server).delete(`/incidents/${other}/duplicate-of`).set(t.auth).expect(201);

    await post(`/incidents/${other}/retraction`, { reason: 'duplicate_entry' }).expect(201);
    const again = await post(`/incidents/${other}/retraction`, {
      reason: 'duplicate_entry',
    }).expect(409);
    expect(again.body.code).toBe('incident_retracted');
    await post(`/incidents/${other}/corrections`, {
      field: 'title',
      value: 'x',
      reason: 'typo',
    }).expect(409);
  });

  it('answers bad input with 400 problem+json naming the field and the allowed values', async () => {
    const bad = await post('/incidents', {
      ...agadilDeath,
      type: 'arrest',
      targets: [{ person: { name: 'X' }, category: 'activist' }],
    }).expect(400);
    expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
    const fields = bad.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['type', 'targets.0.category']));
    expect(bad.body.errors.find((e: { field: string }) => e.field === 'type').allowed).toContain(
      'administrative_arrest',
    );

    const unknownField = await post('/incidents', {
      ...agadilDeath,
      victimPhone: '+7 700 000 0000',
    }).expect(400);
    expect(JSON.stringify(unknownField.body)).toContain('victimPhone');
    expect(JSON.stringify(unknownField.body)).not.toContain('+7 700');

    const dayWithoutDay = await post('/incidents', {
      ...agadilDeath,
      occurred: { date: '2020-02', precision: 'day' },
    }).expect(400);
    expect(dayWithoutDay.body.errors[0].field).toBe('occurred.date');

    await get('/incidents/not-a-uuid').expect(400);
    await get('/incidents/3f2b6c1e-8d4a-4f7b-9a52-1c6e0d9b7a41').expect(404);
    await post('/incidents/3f2b6c1e-8d4a-4f7b-9a52-1c6e0d9b7a41/corrections', {
      field: 'title',
      value: 'x',
      reason: 'typo',
    }).expect(404);
    await post('/incidents', agadilDeath, {}).set('Authorization', 'Bearer wrong').expect(401);
    // A refused report registers nobody: the inline person is checked with the incident.
    expect(bad.body.errors.length).toBeGreaterThan(0);
  });
});
