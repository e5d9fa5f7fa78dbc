import request from 'supertest';
import { startTestApp, TestApp } from '../../../../../test/support/test-app';
import { createTestWorkspace, TestWorkspace } from '../../../../../test/support/workspaces';

// Issue 16: sensible defaults and complete answers, as a monitor meets them on the case page.
describe('A case as a monitor reads it (pglite)', () => {
  let t: TestApp;
  let ws: TestWorkspace;
  beforeAll(async () => {
    t = await startTestApp('postgres');
    ws = await createTestWorkspace(t.server, 'Case page NGO');
  }, 120_000);
  afterAll(async () => t?.close());

  const as = (role: 'admin' | 'monitor' | 'analyst') => ({
    Authorization: `Bearer ${ws.tokens[role]}`,
  });
  const post = (path: string, body: object) =>
    request(t.server).post(path).set(as('monitor')).send(body);

  const incident = (targets: object[], extra: object = {}) => ({
    title: 'Detention after a memorial',
    country: 'KZ',
    region: 'KZ-75',
    occurred: { date: '2020-03', precision: 'month' },
    type: 'administrative_arrest',
    rights: ['freedom_of_peaceful_assembly'],
    targets,
    perpetrators: [{ source: 'police', role: 'main' }],
    ...extra,
  });

  it("gives an act the person's registered category when the request names only the person", async () => {
    const person = await post('/persons', {
      name: 'Дулат Агадил',
      category: 'civil_activist',
    }).expect(201);
    const created = await post('/incidents', incident([{ personId: person.body.id }])).expect(201);
    const read = await request(t.server)
      .get(`/incidents/${created.body.id}`)
      .set(as('monitor'))
      .expect(200);
    expect(read.body.targets).toEqual([
      expect.objectContaining({ personId: person.body.id, category: 'civil_activist' }),
    ]);

    // Said otherwise for this act, the act's category wins.
    const other = await post('/incidents', incident([])).expect(201);
    await post(`/incidents/${other.body.id}/targets`, {
      personId: person.body.id,
      category: 'journalist',
    }).expect(201);
    const reread = await request(t.server)
      .get(`/incidents/${other.body.id}`)
      .set(as('monitor'))
      .expect(200);
    expect(reread.body.targets[0]).toMatchObject({ category: 'journalist', name: 'Дулат Агадил' });
  });

  it('refuses a person registered without a category, naming the field', async () => {
    const bare = await post('/persons', { name: 'Without category' }).expect(201);
    const refused = await post('/incidents', incident([{ personId: bare.body.id }])).expect(400);
    expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'targets.0.category' })]);
    const missing = await post(
      '/incidents',
      incident([{ personId: '3f2b6c1e-8d4a-4f7b-9a52-1c6e0d9b7a41' }]),
    ).expect(400);
    expect(missing.body.errors).toEqual([
      expect.objectContaining({ field: 'targets.0.personId', message: 'no such person' }),
    ]);
  });

  it("shows each target's name to a monitor and label to an analyst, and every code's label in lang", async () => {
    const created = await post(
      '/incidents',
      incident(
        [
          { person: { name: 'Айгерим Серикова', label: 'P-AIGERIM' }, category: 'journalist' },
          { organisation: { name: 'Kadyr-Kasiyet' }, category: 'ngo' },
        ],
        {
          sources: [
            { title: 'Kadyr-Kasiyet monthly report', publishedOn: '2021-05', reliability: 'high' },
          ],
        },
      ),
    ).expect(201);
    const id = created.body.id as string;

    const monitor = await request(t.server)
      .get(`/incidents/${id}?lang=ru`)
      .set(as('monitor'))
      .expect(200);
    expect(monitor.body.targets).toEqual([
      expect.objectContaining({ kind: 'person', name: 'Айгерим Серикова', label: 'P-AIGERIM' }),
      expect.objectContaining({
        kind: 'organisation',
        name: 'Kadyr-Kasiyet',
        label: 'Kadyr-Kasiyet',
      }),
    ]);
    expect(monitor.body.sources[0].publishedOn).toBe('2021-05');
    expect(monitor.body.labels.incident_type.administrative_arrest).toMatch(/[А-Яа-я]/);
    expect(Object.keys(monitor.body.labels)).toEqual(
      expect.arrayContaining([
        'incident_type',
        'country',
        'region',
        'right',
        'target_category',
        'perpetrator_source',
        'source_reliability',
      ]),
    );
    const english = await request(t.server).get(`/incidents/${id}`).set(as('monitor')).expect(200);
    expect(english.body.labels.country).toEqual({ KZ: 'Kazakhstan' });

    // The analyst's projection of labels is eventually consistent: wait for it.
    let analyst = await request(t.server).get(`/incidents/${id}`).set(as('analyst')).expect(200);
    for (let i = 0; i < 50 && analyst.body.targets[0].label === null; i++) {
      await new Promise((r) => setTimeout(r, 100));
      analyst = await request(t.server).get(`/incidents/${id}`).set(as('analyst')).expect(200);
    }
    expect(analyst.body.targets[0]).toMatchObject({ label: 'P-AIGERIM' });
    expect(JSON.stringify(analyst.body)).not.toContain('Айгерим');
    expect(analyst.body.labels.target_category.journalist).toBe('Journalist or blogger');

    const badLang = await request(t.server)
      .get(`/incidents/${id}?lang=xx`)
      .set(as('monitor'))
      .expect(400);
    expect(badLang.body.errors[0]).toMatchObject({ field: 'lang' });
  });

  it('keeps coordinates with their precision, corrects them, and never shows them to an analyst', async () => {
    const khorog = { latitude: 37.48974, longitude: 71.55304, precision: 'settlement' };
    const created = await post(
      '/incidents',
      incident([], { country: 'TJ', region: 'TJ-GB', location: khorog }),
    ).expect(201);
    const id = created.body.id as string;
    const read = () => request(t.server).get(`/incidents/${id}`).set(as('monitor')).expect(200);
    expect((await read()).body.location).toEqual(khorog);

    const exact = { latitude: 37.4889, longitude: 71.5532, precision: 'exact' };
    await post(`/incidents/${id}/corrections`, {
      field: 'location',
      value: exact,
      reason: 'new_evidence',
    }).expect(201);
    expect((await read()).body.location).toEqual(exact);
    const analyst = await request(t.server).get(`/incidents/${id}`).set(as('analyst')).expect(200);
    expect(analyst.body.region).toBe('TJ-GB');
    expect(analyst.body).not.toHaveProperty('location');

    const bad = await post(
      '/incidents',
      incident([], { location: { latitude: '37.5', longitude: 181, precision: 'street' } }),
    ).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual([
      'location.latitude',
      'location.longitude',
      'location.precision',
    ]);
  });

  it('accepts a source dated by month or year, and refuses a month that does not exist', async () => {
    const created = await post('/incidents', incident([])).expect(201);
    await post(`/incidents/${created.body.id}/sources`, {
      title: 'Annual report',
      publishedOn: '2021',
    }).expect(201);
    const bad = await post(`/incidents/${created.body.id}/sources`, {
      title: 'Annual report',
      publishedOn: '2021-13',
    }).expect(400);
    expect(bad.body.errors[0]).toMatchObject({ field: 'source.publishedOn' });
  });
});
