import request from 'supertest';
import { openApiGaps } from '../../../../test/support/openapi-document';
import { startTestApp, TestApp } from '../../../../test/support/test-app';
import { tokenInNewWorkspace } from '../../../../test/support/workspaces';

const journalists2020 = {
  source: {
    name: 'Kadyr-Kasiyet',
    publication: 'Retreating Rights - Kazakhstan: Introduction',
    section: 'Monitoring the security situation of human rights defenders',
    publishedOn: '2021-07-22',
  },
  statement: 'journalists (64)',
  value: 64,
  qualifier: 'exact',
  measure: 'persons',
  period: { from: '2020', to: '2020' },
  dimensions: { country: 'KZ', targetCategory: 'journalist' },
};

describe('reference figures', () => {
  let t: TestApp;
  let before = '';
  let last = '';
  let figureId = '';

  const post = (body: object, key?: string) => {
    const r = request(t.server).post('/reference-figures').set(t.auth);
    return key ? r.set('Idempotency-Key', key).send(body) : r.send(body);
  };
  const stats = (query: string) =>
    request(t.server).get(`/stats?${query}&after=${last}`).set(t.auth);

  beforeAll(async () => {
    t = await startTestApp('postgres');
    const incident = await request(t.server)
      .post('/incidents')
      .set(t.auth)
      .send({
        title: 'Journalist detained',
        country: 'KZ',
        occurred: { date: '2020-03', precision: 'month' },
        type: 'detention',
        targets: [{ person: { name: 'A journalist' }, category: 'journalist' }],
      })
      .expect(201);
    before = incident.body.position;
    const figure = await post(journalists2020, 'kk-2020-journalists').expect(201);
    figureId = figure.body.id;
    last = figure.body.position > before ? figure.body.position : before;
  }, 120_000);
  afterAll(async () => t?.close());

  it('records a figure once per Idempotency-Key, and lists it', async () => {
    const again = await post(journalists2020, 'kk-2020-journalists').expect(201);
    expect(again.body.id).toBe(figureId);
    const { body } = await request(t.server).get('/reference-figures').set(t.auth).expect(200);
    expect(body.figures).toEqual([
      expect.objectContaining({
        id: figureId,
        value: 64,
        qualifier: 'exact',
        measure: 'persons',
        period: { from: '2020-01', to: '2020-12' },
        dimensions: { country: 'KZ', targetCategory: 'journalist' },
        source: expect.objectContaining({ name: 'Kadyr-Kasiyet' }),
      }),
    ]);
  });

  it('answers 422 when a key is reused for another figure', async () => {
    await post({ ...journalists2020, value: 65 }, 'kk-2020-journalists').expect(422);
  });

  it('answers 400 naming each bad field and the allowed values', async () => {
    const res = await post({
      ...journalists2020,
      qualifier: 'roughly',
      period: { from: '2020-13', to: '2020' },
      dimensions: { targetCategory: 'blogger' },
    }).expect(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    const errors = res.body.errors as { field: string; allowed?: string[] }[];
    expect(errors.map((e) => e.field).sort()).toEqual(
      ['dimensions.targetCategory', 'period.from', 'qualifier'].sort(),
    );
    expect(errors.find((e) => e.field === 'qualifier')?.allowed).toEqual([
      'exact',
      'more_than',
      'at_least',
      'around',
      'up_to',
    ]);
  });

  it('shows the figure beside our count of the same breakdown', async () => {
    const { body } = await stats(
      'measure=persons&groupBy=targetCategory&country=KZ&includeReference=true',
    ).expect(200);
    expect(body.rows).toEqual([
      expect.objectContaining({ keys: { targetCategory: 'journalist' }, value: 1 }),
    ]);
    expect(body.reference).toEqual([
      expect.objectContaining({
        id: figureId,
        value: 64,
        keys: { targetCategory: 'journalist' },
        ours: 1,
      }),
    ]);
  });

  it('shows nothing for another breakdown, period or measure, and nothing unless asked', async () => {
    for (const query of [
      'measure=persons&groupBy=targetCategory&country=KZ&year=2021&includeReference=true',
      'measure=acts&groupBy=targetCategory&country=KZ&includeReference=true',
      'measure=persons&groupBy=targetCategory&includeReference=true',
      'measure=persons&country=KZ&includeReference=true',
    ]) {
      const { body } = await stats(query).expect(200);
      expect({ query, reference: body.reference }).toEqual({ query, reference: [] });
    }
    const { body } = await stats('measure=persons&groupBy=targetCategory&country=KZ').expect(200);
    expect(body).not.toHaveProperty('reference');
  });

  it('leaves out figures recorded after asOf', async () => {
    const { body } = await request(t.server)
      .get(
        `/stats?measure=persons&groupBy=targetCategory&country=KZ&includeReference=true&asOf=${before}`,
      )
      .set(t.auth)
      .expect(200);
    expect(body.reference).toEqual([]);
  });

  it('answers 400 naming includeReference when it is not true or false', async () => {
    const res = await stats('measure=persons&includeReference=maybe').expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['includeReference']);
  });

  it("keeps each workspace's figures to itself", async () => {
    const other = { Authorization: `Bearer ${await tokenInNewWorkspace(t.app)}` };
    const list = await request(t.server).get('/reference-figures').set(other).expect(200);
    expect(list.body.figures).toEqual([]);
  });

  it('documents both operations with examples and their problem answers', async () => {
    expect(
      await openApiGaps(t.app, [
        { path: '/reference-figures', method: 'post', statuses: ['201', '400', '422'] },
        { path: '/reference-figures', method: 'get', statuses: ['200'] },
      ]),
    ).toEqual([]);
  });
});
