import ExcelJS from 'exceljs';
import request from 'supertest';
import { XLSX } from './get-stats.http.controller';
import { openApiGaps } from '../../../../../test/support/openapi-document';
import { startTestApp, TestApp } from '../../../../../test/support/test-app';
import { tokenInNewWorkspace } from '../../../../../test/support/workspaces';

// A small Kazakhstan/Kyrgyzstan 2020 register, shaped after the Kadyr-Kasiyet monitoring:
//   A  KZ 2020-02-22  detention        p1 civil_activist, p2 journalist   police (main), court (secondary)
//   B  KZ 2020 (year) admin. arrest    p1 again, p3 civil_activist, an NGO            police (main)
//   C  KG 2020-10-05  website blocking a media outlet        information ministry (main), police (secondary)
//   D  KZ 2020-10     summons          no target                     national security committee (main)
//   E  KZ 2020-10     detention        p4 political_activist              police (main)   → retracted later
//   F  KZ 2020-02     detention        p5 civil_activist                  police (main)   → duplicate of A
// Counted: 5 incidents, 7 acts, 4 persons, 2 organisations.
const report = (overrides: Record<string, unknown>) => ({
  country: 'KZ',
  type: 'detention',
  rights: ['freedom_of_peaceful_assembly'],
  perpetrators: [{ source: 'police', role: 'main' }],
  ...overrides,
});

const PEACEFUL_ASSEMBLIES_LAW = 'Law "On peaceful assemblies", 2020';

interface Row {
  keys: Record<string, string | number | null>;
  labels: Record<string, string>;
  value: number;
}
const table = (rows: Row[]) => rows.map((r) => [...Object.values(r.keys), r.value]);

describe.each(['pglite', 'postgres'] as const)('GET /stats (%s)', (backend) => {
  let t: TestApp;
  let last: string;
  const ids: Record<string, string> = {};
  const acts: Record<string, string> = {};

  const post = async (path: string, body: unknown) => {
    const response = await request(t.server)
      .post(path)
      .set(t.auth)
      .send(body as object)
      .expect(201);
    last = response.body.position;
    return response.body as { id: string; position: string };
  };
  const stats = (query: string) =>
    request(t.server).get(`/stats?${query}&after=${last}`).set(t.auth);
  const ok = async (query: string) => {
    const response = await stats(query);
    expect(response.status).toBe(200);
    return response.body as {
      rows: Row[];
      total: number;
      position: string;
      positionTime: string | null;
      asOf: string | null;
      title: string;
      filters: string[];
      definitions: Record<string, string>;
    } & Record<string, unknown>;
  };

  beforeAll(async () => {
    t = await startTestApp(backend);
    ids.A = (
      await post(
        '/incidents',
        report({
          title: 'Detentions at the rally in Almaty',
          region: 'KZ-75',
          occurred: { date: '2020-02-22', precision: 'day' },
          legalBasis: [{ instrument: 'KZ Code of Administrative Offences', article: '488' }],
          targets: [
            { person: { name: 'Activist One' }, category: 'civil_activist' },
            { person: { name: 'Journalist Two' }, category: 'journalist' },
          ],
          perpetrators: [
            { source: 'police', role: 'main' },
            { source: 'court', role: 'secondary' },
          ],
          tags: ['almaty-rally'],
        }),
      )
    ).id;
    const a = await request(t.server).get(`/incidents/${ids.A}`).set(t.auth).expect(200);
    const p1 = a.body.targets[0].personId as string;
    ids.B = (
      await post(
        '/incidents',
        report({
          title: 'Arrests of members of a civic union',
          type: 'administrative_arrest',
          occurred: { date: '2020', precision: 'year' },
          rights: ['freedom_of_association'],
          legalBasis: [{ instrument: PEACEFUL_ASSEMBLIES_LAW, article: '8' }],
          targets: [
            { personId: p1, category: 'civil_activist' },
            { person: { name: 'Activist Three' }, category: 'civil_activist' },
            { organisation: { name: 'Civic Union' }, category: 'ngo' },
          ],
        }),
      )
    ).id;
    const b = await request(t.server).get(`/incidents/${ids.B}`).set(t.auth).expect(200);
    acts.p3 = b.body.targets[1].actId;
    ids.C = (
      await post(
        '/incidents',
        report({
          title: 'Independent outlet blocked',
          country: 'KG',
          region: 'KG-GB',
          type: 'website_blocking',
          occurred: { date: '2020-10-05', precision: 'day' },
          rights: ['freedom_of_expression'],
          targets: [{ organisation: { name: 'Independent Outlet' }, category: 'media_outlet' }],
          perpetrators: [
            { source: 'information_ministry', role: 'main' },
            { source: 'police', role: 'secondary' },
          ],
        }),
      )
    ).id;
    ids.D = (
      await post(
        '/incidents',
        report({
          title: 'Summons of unnamed activists',
          type: 'summons',
          occurred: { date: '2020-10', precision: 'month' },
          perpetrators: [{ source: 'national_security_committee', role: 'main' }],
        }),
      )
    ).id;
    ids.E = (
      await post(
        '/incidents',
        report({
          title: 'Detention of an opposition politician',
          occurred: { date: '2020-10', precision: 'month' },
          targets: [{ person: { name: 'Politician Four' }, category: 'political_activist' }],
        }),
      )
    ).id;
    ids.F = (
      await post(
        '/incidents',
        report({
          title: 'Detentions at the rally (second report)',
          occurred: { date: '2020-02', precision: 'month' },
          targets: [{ person: { name: 'Activist Five' }, category: 'civil_activist' }],
        }),
      )
    ).id;
    await post(`/incidents/${ids.F}/duplicate-of`, { duplicateOf: ids.A });
  });

  afterAll(async () => t?.close());

  it('counts incidents, acts, persons and organisations, each under its definition', async () => {
    const totals = await Promise.all(
      ['incidents', 'acts', 'persons', 'organisations'].map(async (m) => {
        const body = await ok(`measure=${m}`);
        expect(body.rows).toEqual([{ keys: {}, labels: {}, value: body.total }]);
        expect(body.definitions).toHaveProperty(m);
        return body.total;
      }),
    );
    expect(totals).toEqual([5, 7, 4, 2]);
  });

  it('counts distinct persons by target category; the total counts a person once', async () => {
    const body = await ok('measure=persons&groupBy=targetCategory');
    expect(body).toMatchObject({
      measure: 'persons',
      groupBy: ['targetCategory'],
      total: 4,
      asOf: null,
    });
    expect(body.rows).toEqual([
      {
        keys: { targetCategory: 'civil_activist' },
        labels: { targetCategory: 'Civil activist' },
        value: 2,
      },
      {
        keys: { targetCategory: 'journalist' },
        labels: { targetCategory: 'Journalist or blogger' },
        value: 1,
      },
      {
        keys: { targetCategory: 'political_activist' },
        labels: { targetCategory: expect.any(String) },
        value: 1,
      },
    ]);
    expect(body.position >= last).toBe(true);
  });

  it('groups by two dimensions', async () => {
    const actsBody = await ok('measure=acts&groupBy=country,targetCategory');
    expect(table(actsBody.rows)).toEqual([
      ['KZ', 'civil_activist', 3],
      ['KZ', 'journalist', 1],
      ['KZ', 'political_activist', 1],
      ['KZ', 'ngo', 1],
      ['KG', 'media_outlet', 1],
    ]);
    expect(actsBody.total).toBe(7);
    const persons = await ok('measure=persons&groupBy=year,country');
    expect(table(persons.rows)).toEqual([[2020, 'KZ', 4]]);
    const incidents = await ok('measure=incidents&groupBy=month,type');
    expect(table(incidents.rows)).toEqual([
      ['2020-02', 'detention', 1],
      ['2020-10', 'detention', 1],
      ['2020-10', 'summons', 1],
      ['2020-10', 'website_blocking', 1],
      [null, 'administrative_arrest', 1],
    ]);
  });

  it('puts year-precise acts in an explicit "month unknown" row, never spread', async () => {
    const body = await ok('measure=acts&groupBy=month');
    expect(body.rows).toEqual([
      { keys: { month: '2020-02' }, labels: { month: '2020-02' }, value: 2 },
      { keys: { month: '2020-10' }, labels: { month: '2020-10' }, value: 2 },
      { keys: { month: null }, labels: { month: 'month unknown' }, value: 3 },
    ]);
    expect(body.definitions).toHaveProperty('month');
    const quarters = await ok('measure=acts&groupBy=quarter');
    expect(table(quarters.rows)).toEqual([
      ['2020-Q1', 2],
      ['2020-Q4', 2],
      [null, 3],
    ]);
  });

  it('counts main sources only by default; sourceRole=any counts an act under each source', async () => {
    const main = await ok('measure=acts&groupBy=source');
    expect(table(main.rows)).toEqual([
      ['police', 6],
      ['information_ministry', 1],
    ]);
    expect(main.total).toBe(7);
    const any = await ok('measure=acts&groupBy=source&sourceRole=any');
    expect(table(any.rows)).toEqual([
      ['police', 7],
      ['court', 2],
      ['information_ministry', 1],
    ]);
    expect(any.total).toBe(7);
    expect(any.definitions).toMatchObject({ source: expect.stringContaining('counts under each') });
    const incidents = await ok('measure=incidents&groupBy=source');
    expect(table(incidents.rows)).toEqual([
      ['police', 3],
      ['national_security_committee', 1],
      ['information_ministry', 1],
    ]);
    expect((await ok('measure=acts&source=court')).total).toBe(0);
    expect((await ok('measure=acts&source=court&sourceRole=any')).total).toBe(2);
  });

  it('groups by right, legal article and verification status', async () => {
    const rights = await ok('measure=acts&groupBy=right');
    expect(table(rights.rows)).toEqual([
      ['freedom_of_peaceful_assembly', 3],
      ['freedom_of_association', 3],
      ['freedom_of_expression', 1],
    ]);
    const articles = await ok('measure=acts&groupBy=legalArticle');
    expect(articles.rows).toEqual([
      {
        keys: { legalArticle: 'KZ Code of Administrative Offences|488' },
        labels: { legalArticle: 'KZ Code of Administrative Offences, art. 488' },
        value: 2,
      },
      {
        keys: { legalArticle: `${PEACEFUL_ASSEMBLIES_LAW}|8` },
        labels: { legalArticle: `${PEACEFUL_ASSEMBLIES_LAW}, art. 8` },
        value: 3,
      },
      {
        keys: { legalArticle: null },
        labels: { legalArticle: 'no legal basis recorded' },
        value: 2,
      },
    ]);
    const verification = await ok('measure=incidents&groupBy=verificationStatus');
    expect(table(verification.rows)).toEqual([['unverified', 5]]);
  });

  it.each([
    ['country=KG', 1],
    ['region=KZ-75', 2],
    ['type=detention', 3],
    ['family=information', 1],
    ['targetCategory=civil_activist&targetCategory=journalist', 4],
    ['source=information_ministry', 1],
    ['right=freedom_of_expression', 1],
    ['legalArticle=KZ%20Code%20of%20Administrative%20Offences%7C488', 2],
    ['tag=almaty-rally', 2],
    ['verificationStatus=verified', 0],
    ['year=2020', 7],
    ['year=2021', 0],
    // A year-precise act (B, 3 acts) is in a range only if its whole year is.
    ['from=2020-01&to=2020-06', 2],
    ['from=2020-02', 4],
    ['to=2020-11', 4],
    ['from=2020-01&to=2020-12', 7],
  ])('filters acts by %s', async (filter, acts) => {
    expect((await ok(`measure=acts&${filter}`)).total).toBe(acts);
  });

  it('returns the same table as CSV for Accept: text/csv, quoting where needed', async () => {
    const months = await stats('measure=acts&groupBy=month').set('Accept', 'text/csv').expect(200);
    expect(months.headers['content-type']).toMatch(/^text\/csv/);
    const json = await ok('measure=acts&groupBy=month');
    expect(months.text).toBe(
      '# Acts by month\r\n' +
        `# As recorded at ${json.positionTime!.slice(0, 19).replace('T', ' ')} UTC (position ${json.position})\r\n` +
        '# Filters: all records, no filters\r\n' +
        'month,month_label,acts\r\n2020-02,2020-02,2\r\n2020-10,2020-10,2\r\n,month unknown,3\r\n',
    );
    const articles = await stats(
      'measure=acts&groupBy=legalArticle,country&lang=ru&country=KZ&country=KG',
    )
      .set('Accept', 'text/csv')
      .expect(200);
    expect(articles.text.split('\r\n')[0]).toBe('# Акты по статьям закона и странам');
    expect(articles.text).toContain('# Фильтры: Страна: Казахстан, Кыргызстан\r\n');
    expect(articles.text.slice(articles.text.indexOf('legalArticle,'))).toBe(
      'legalArticle,legalArticle_label,country,country_label,acts\r\n' +
        'KZ Code of Administrative Offences|488,"KZ Code of Administrative Offences, ст. 488",KZ,Казахстан,2\r\n' +
        '"Law ""On peaceful assemblies"", 2020|8","Law ""On peaceful assemblies"", 2020, ст. 8",KZ,Казахстан,3\r\n' +
        ',правовое основание не указано,KZ,Казахстан,1\r\n' +
        ',правовое основание не указано,KG,Кыргызстан,1\r\n',
    );
  });

  it('returns the same rows as a workbook for Accept: XLSX, in the language asked', async () => {
    const query = 'measure=acts&groupBy=country,targetCategory&lang=ru&year=2020';
    const json = await ok(query);
    const response = await stats(query)
      .set('Accept', XLSX)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(response.headers['content-type']).toBe(XLSX);
    expect(response.headers['content-disposition']).toMatch(/attachment; filename=/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.body as Buffer as never);
    const sheet = workbook.worksheets[0];
    const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(values(1)).toEqual([json.title]);
    expect(values(3)).toEqual(['Фильтры: Год: 2020']);
    expect(values(6)).toEqual(['Страна', 'Категория преследуемых', 'Акты']);
    const rows = json.rows.map((r) => [r.labels.country, r.labels.targetCategory, r.value]);
    expect(rows.length).toBeGreaterThan(2);
    expect([...Array(rows.length).keys()].map((i) => values(7 + i))).toEqual(rows);
    expect(values(7 + rows.length)).toEqual(['Итого', json.total]);
  });

  it('answers in the language asked: labels, title, filters and definitions', async () => {
    const body = await ok('measure=persons&groupBy=targetCategory&lang=ru&year=2020');
    expect(body.title).toBe('Лица по категориям преследуемых');
    expect(body.filters).toEqual(['Год: 2020']);
    expect((body.rows as Row[])[0].labels.targetCategory).toBe('Гражданский активист');
    expect(body.definitions.persons).toMatch(/^Различные лица/);
    for (const lang of ['kk', 'ky', 'tg']) {
      const other = await ok(`measure=acts&groupBy=country&lang=${lang}`);
      expect(other.title).not.toMatch(/[a-z]/i);
    }
    const refused = await request(t.server)
      .get('/stats?measure=acts&lang=fr')
      .set(t.auth)
      .expect(400);
    const russian = await request(t.server)
      .get('/stats?measure=victims&lang=ru')
      .set(t.auth)
      .expect(400);
    expect(russian.body.title).toBe('Неверный запрос');
    expect(russian.body.detail).toBe(
      'Неверные поля: measure (допустимо: incidents, acts, persons, organisations).',
    );
    expect(refused.body.errors[0]).toMatchObject({
      field: 'lang',
      allowed: ['en', 'ru', 'kk', 'ky', 'tg'],
    });
  });

  it.each([
    ['measure=victims', 'measure'],
    ['groupBy=month', 'measure'],
    ['measure=acts&measure=persons', 'measure'],
    ['measure=acts&groupBy=colour', 'groupBy'],
    ['measure=acts&groupBy=month,year,country', 'groupBy'],
    ['measure=acts&groupBy=month,month', 'groupBy'],
    ['measure=acts&country=XX', 'country'],
    ['measure=acts&region=KZ-ALMATY', 'region'],
    ['measure=acts&type=arrest', 'type'],
    ['measure=acts&family=politics', 'family'],
    ['measure=acts&targetCategory=activist', 'targetCategory'],
    ['measure=acts&source=militia', 'source'],
    ['measure=acts&sourceRole=secondary', 'sourceRole'],
    ['measure=acts&right=freedom', 'right'],
    ['measure=acts&legalArticle=405', 'legalArticle'],
    ['measure=acts&verificationStatus=maybe', 'verificationStatus'],
    ['measure=acts&from=2020-13', 'from'],
    ['measure=acts&to=2020', 'to'],
    ['measure=acts&from=2020-06&to=2020-01', 'to'],
    ['measure=acts&year=20', 'year'],
    ['measure=acts&asOf=yesterday', 'asOf'],
    ['measure=acts&asOf=2021-02-30T00:00:00Z', 'asOf'],
    ['measure=acts&after=42', 'after'],
    ['measure=acts&colour=red', 'colour'],
  ])('answers 400 problem+json for %s, naming %s', async (query, field) => {
    const response = await request(t.server).get(`/stats?${query}`).set(t.auth);
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('names the allowed values of a closed list', async () => {
    const measure = await request(t.server).get('/stats?measure=victims').set(t.auth).expect(400);
    expect(measure.body.errors).toEqual([
      {
        field: 'measure',
        message: expect.any(String),
        allowed: ['incidents', 'acts', 'persons', 'organisations'],
      },
    ]);
    const groupBy = await request(t.server)
      .get('/stats?measure=acts&groupBy=colour')
      .set(t.auth)
      .expect(400);
    expect(groupBy.body.errors[0].allowed).toEqual(expect.arrayContaining(['month', 'source']));
    const category = await request(t.server)
      .get('/stats?measure=acts&targetCategory=activist')
      .set(t.auth)
      .expect(400);
    expect(category.body.errors[0].allowed).toContain('civil_activist');
  });

  it('answers asOf=snapshot:<id> of an unknown snapshot with 404', async () => {
    const response = await request(t.server)
      .get('/stats?measure=acts&asOf=snapshot:3f2b6c1e-8d4a-4f7b-9a52-1c6e0d9b7a41')
      .set(t.auth)
      .expect(404);
    expect(response.body.code).toBe('snapshot_not_found');
  });

  it('shows another workspace nothing', async () => {
    const token = await tokenInNewWorkspace(t.app);
    const response = await request(t.server)
      .get(`/stats?measure=acts&groupBy=month&after=${last}`)
      .set('Authorization', `Bearer ${token}`)
      .expect(200);
    expect(response.body).toMatchObject({ rows: [], total: 0 });
    const total = await request(t.server)
      .get(`/stats?measure=persons&after=${last}`)
      .set('Authorization', `Bearer ${token}`)
      .expect(200);
    expect(total.body.total).toBe(0);
  });

  it('is documented in OpenAPI, with examples for its parameters', async () => {
    expect(
      await openApiGaps(t.app, [
        { path: '/stats', method: 'get', statuses: ['200', '400', '401', '503'] },
      ]),
    ).toEqual([]);
  });

  // Last: it changes the register.
  it('as of a position or a time before a reclassification and a retraction, returns the earlier figures exactly', async () => {
    const queries = ['measure=persons&groupBy=targetCategory', 'measure=acts&groupBy=month,source'];
    const before = await Promise.all(queries.map(ok));
    const positionBefore = last;
    await new Promise((resolve) => setTimeout(resolve, 20)); // a clock tick between the events
    const timeBefore = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 20));

    // Read-your-writes: each answer right after a write already reflects it.
    await post(`/incidents/${ids.B}/corrections`, {
      field: 'targetCategory',
      actId: acts.p3,
      value: 'human_rights_defender',
      reason: 'reclassified',
    });
    expect(table((await ok('measure=persons&groupBy=targetCategory')).rows)).toEqual([
      ['human_rights_defender', 1],
      ['civil_activist', 1],
      ['journalist', 1],
      ['political_activist', 1],
    ]);
    await post(`/incidents/${ids.E}/retraction`, { reason: 'recorded_in_error' });
    const now = await ok('measure=persons&groupBy=targetCategory');
    expect(table(now.rows)).toEqual([
      ['human_rights_defender', 1],
      ['civil_activist', 1],
      ['journalist', 1],
    ]);
    expect(now.total).toBe(3);
    expect((await ok('measure=acts')).total).toBe(6);

    for (const asOf of [positionBefore, timeBefore]) {
      const then = await Promise.all(
        queries.map((q) => ok(`${q}&asOf=${encodeURIComponent(asOf)}`)),
      );
      then.forEach((answer, i) => {
        expect(answer.rows).toEqual(before[i].rows);
        expect(answer.total).toBe(before[i].total);
        expect(answer.asOf).toBe(asOf);
        // A time answers with the position it resolved to: the last one before the change.
        expect(answer.position <= positionBefore).toBe(true);
        expect(answer.positionTime! <= timeBefore).toBe(true);
      });
    }
    const atPosition = await ok(`measure=persons&asOf=${positionBefore}`);
    expect(atPosition.position).toBe(positionBefore);
    expect(atPosition.total).toBe(4);
  });
});
