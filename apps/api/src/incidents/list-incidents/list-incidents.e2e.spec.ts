import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import request from 'supertest';
import { binaryBody } from '../../../../../test/support/binary-body';
import { openApiGaps } from '../../../../../test/support/openapi-document';
import { startTestApp, TestApp } from '../../../../../test/support/test-app';
import { tokenInNewWorkspace } from '../../../../../test/support/workspaces';

const report = (overrides: Record<string, unknown>) => ({
  country: 'KZ',
  type: 'detention',
  perpetrators: [{ source: 'police', role: 'main' }],
  ...overrides,
});

// Latest occurrence first: 2021-03, 2020-10, 2020-06, 2020-02-25, 2020-02, 2020.
const INCIDENTS = {
  blocked: report({
    title: 'News_site blocked',
    country: 'KG',
    type: 'website_blocking',
    occurred: { date: '2021-03', precision: 'month' },
    targets: [{ organisation: { name: 'News Site LLC' }, category: 'media_outlet' }],
    perpetrators: [{ source: 'information_ministry', role: 'main' }],
  }),
  summons: report({
    title: 'Summons to the security service',
    type: 'summons',
    occurred: { date: '2020-10', precision: 'month' },
  }),
  retracted: report({
    title: 'Detention reported in error',
    occurred: { date: '2020-06', precision: 'month' },
    targets: [{ person: { name: 'Someone Mistaken' }, category: 'civil_activist' }],
  }),
  blogger: report({
    title: 'Detention of a blogger in Almaty',
    region: 'KZ-75',
    occurred: { date: '2020-02-25', precision: 'day' },
    targets: [{ person: { name: 'Aigerim Blogger' }, category: 'journalist' }],
    sources: [{ title: 'Radio Azattyk', url: 'https://example.org/a' }, { title: 'Vlast.kz' }],
  }),
  duplicate: report({
    title: 'Blogger detained (second report)',
    occurred: { date: '2020-02', precision: 'month' },
    targets: [{ person: { name: 'Aigerim Blogger Again' }, category: 'journalist' }],
  }),
  fines: report({
    title: 'Fines after the 100% turnout protest',
    type: 'administrative_fine',
    occurred: { date: '2020', precision: 'year' },
    targets: [
      { person: { name: 'Protester One' }, category: 'civil_activist' },
      { person: { name: 'Protester Two' }, category: 'civil_activist' },
    ],
    perpetrators: [{ source: 'court', role: 'main' }],
  }),
};
type Name = keyof typeof INCIDENTS;
const ORDER: Name[] = ['blocked', 'summons', 'retracted', 'blogger', 'duplicate', 'fines'];

describe.each(['pglite', 'postgres'] as const)('GET /incidents (%s)', (backend) => {
  let t: TestApp;
  let last: string;
  let beforeRetraction: string;
  const ids = {} as Record<Name, string>;

  const post = async (path: string, body: unknown) => {
    const response = await request(t.server)
      .post(path)
      .set(t.auth)
      .send(body as object)
      .expect(201);
    last = response.body.position;
    return response.body as { id: string; position: string };
  };
  const list = async (query = '') => {
    const response = await request(t.server)
      .get(`/incidents?after=${last}${query === '' ? '' : `&${query}`}`)
      .set(t.auth);
    expect(response.status).toBe(200);
    return response.body as { items: { id: string }[]; nextCursor: string | null };
  };
  const names = (items: { id: string }[]) =>
    items.map((i) => (Object.keys(ids) as Name[]).find((n) => ids[n] === i.id));

  beforeAll(async () => {
    t = await startTestApp(backend);
    for (const name of ORDER) ids[name] = (await post('/incidents', INCIDENTS[name])).id;
    beforeRetraction = last;
    await post(`/incidents/${ids.retracted}/retraction`, { reason: 'recorded_in_error' });
    await post(`/incidents/${ids.duplicate}/duplicate-of`, { duplicateOf: ids.blogger });
  });

  afterAll(async () => t?.close());

  it('lists every incident, latest occurrence first, with codes and counts but no names', async () => {
    const { items, nextCursor } = await list();
    expect(names(items)).toEqual(ORDER);
    expect(nextCursor).toBeNull();
    expect(items[3]).toEqual({
      id: ids.blogger,
      title: 'Detention of a blogger in Almaty',
      country: 'KZ',
      region: 'KZ-75',
      type: 'detention',
      family: 'liberty_and_justice',
      occurred: { date: '2020-02-25', precision: 'day' },
      status: 'recorded',
      verified: false,
      targetCount: 1,
      targetCategories: ['journalist'],
      updatedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
    });
    expect(JSON.stringify(items)).not.toMatch(/Aigerim|Protester|Mistaken/);
  });

  it.each([
    ['country=KG', ['blocked']],
    ['region=KZ-75', ['blogger']],
    ['type=detention', ['retracted', 'blogger', 'duplicate']],
    ['family=information', ['blocked']],
    ['targetCategory=civil_activist', ['retracted', 'fines']],
    ['source=court', ['fines']],
    ['verificationStatus=unverified&year=2021', ['blocked']],
    ['status=retracted', ['retracted']],
    ['status=duplicate', ['duplicate']],
    ['status=recorded', ['blocked', 'summons', 'blogger', 'fines']],
    ['status=retracted&status=duplicate', ['retracted', 'duplicate']],
    ['q=BLOGGER', ['blogger', 'duplicate']],
    ['q=100%25', ['fines']],
    ['q=%25', ['fines']],
    ['q=_', ['blocked']],
    ['from=2020-01&to=2020-12', ['summons', 'retracted', 'blogger', 'duplicate', 'fines']],
    ['from=2020-02&to=2020-10', ['summons', 'retracted', 'blogger', 'duplicate']],
  ])('filters by %s', async (query, expected) => {
    expect(names((await list(query)).items)).toEqual(expected);
  });

  it('pages with an opaque cursor until nextCursor is null', async () => {
    const pages: string[][] = [];
    let cursor: string | null = null;
    do {
      const page = await list(`limit=4${cursor ? `&cursor=${cursor}` : ''}`);
      pages.push(names(page.items) as string[]);
      cursor = page.nextCursor;
    } while (cursor !== null);
    expect(pages).toEqual([ORDER.slice(0, 4), ORDER.slice(4)]);
    const twos = await list('limit=2&status=recorded');
    expect(names(twos.items)).toEqual(['blocked', 'summons']);
    const next = await list(`limit=2&status=recorded&cursor=${twos.nextCursor}`);
    expect(names(next.items)).toEqual(['blogger', 'fines']);
    expect(next.nextCursor).toBeNull();
  });

  it('shows a new incident at once with after=<position of the write>', async () => {
    const { id, position } = await post(
      '/incidents',
      report({ title: 'Just recorded', occurred: { date: '2021-01', precision: 'month' } }),
    );
    const response = await request(t.server)
      .get(`/incidents?after=${position}&q=just%20recorded`)
      .set(t.auth)
      .expect(200);
    expect(response.body.items.map((i: { id: string }) => i.id)).toEqual([id]);
  });

  it('shows another workspace nothing', async () => {
    const token = await tokenInNewWorkspace(t.app);
    const response = await request(t.server)
      .get(`/incidents?after=${last}`)
      .set('Authorization', `Bearer ${token}`)
      .expect(200);
    expect(response.body).toEqual({ items: [], nextCursor: null });
  });

  it.each([
    ['limit=0', 'limit'],
    ['limit=201', 'limit'],
    ['limit=ten', 'limit'],
    ['cursor=not-a-cursor', 'cursor'],
    ['status=deleted', 'status'],
    ['country=Kazakhstan', 'country'],
    ['from=2020-1', 'from'],
    ['sort=title', 'sort'],
  ])('answers 400 problem+json for %s, naming %s', async (query, field) => {
    const response = await request(t.server).get(`/incidents?${query}`).set(t.auth);
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('is documented in OpenAPI, with examples for its parameters', async () => {
    expect(
      await openApiGaps(t.app, [
        { path: '/incidents', method: 'get', statuses: ['200', '400', '401', '503'] },
      ]),
    ).toEqual([]);
  });

  describe('GET /incidents/export', () => {
    const exported = async (query: string, accept?: string) => {
      const call = request(t.server)
        .get(`/incidents/export?after=${last}${query === '' ? '' : `&${query}`}`)
        .set(t.auth)
        .buffer(true)
        .parse(binaryBody);
      const response = await (accept === undefined ? call : call.set('Accept', accept));
      expect(response.status).toBe(200);
      return { body: response.body as Buffer, headers: response.headers };
    };
    const csvRows = (body: Buffer) => {
      const text = body.toString('utf8').replace(/^\ufeff/, '');
      const comments = text.split('\r\n').filter((l) => l.startsWith('# '));
      const rows = parse(text.replace(/^(#[^\n]*\n)+/, ''), { columns: true }) as Record<
        string,
        string
      >[];
      return { comments, rows };
    };

    it('writes one CSV row per act GET /stats counts (one per incident without targets), with labels in lang and its position', async () => {
      const { body, headers } = await exported('lang=ru');
      expect(headers['content-type']).toMatch(/^text\/csv/);
      const { comments, rows } = csvRows(body);
      expect(comments).toHaveLength(3);
      expect(comments[1]).toContain(headers['x-position']);
      // An incident without targets has one row without an act, so that it counts as one.
      const stats = async (measure: string) =>
        (
          await request(t.server)
            .get(`/stats?measure=${measure}&asOf=${headers['x-position']}`)
            .set(t.auth)
            .expect(200)
        ).body.total;
      expect(rows.filter((r) => r.act_id !== '')).toHaveLength(await stats('acts'));
      expect(new Set(rows.map((r) => r.incident_ref)).size).toBe(await stats('incidents'));
      expect(rows.map((r) => r.incident_ref)).not.toContain(ids.retracted);
      expect(rows.map((r) => r.incident_ref)).not.toContain(ids.duplicate);
      const blogger = rows.find((r) => r.incident_ref === ids.blogger)!;
      expect(blogger).toMatchObject({
        date: '2020-02-25',
        precision: 'day',
        country: 'KZ',
        country_label: 'Казахстан',
        region: 'KZ-75',
        type: 'detention',
        target_kind: 'person',
        target_name: 'Aigerim Blogger',
        target_category: 'journalist',
        source_main: 'police',
        verification_status: 'unverified',
        source_title: 'Radio Azattyk\nVlast.kz',
        source_url: 'https://example.org/a\n',
      });
      expect(blogger.act_id).toMatch(/^[0-9a-f-]{36}$/);
      expect(
        rows
          .filter((r) => r.incident_ref === ids.fines)
          .map((r) => r.target_name)
          .sort(),
      ).toEqual(['Protester One', 'Protester Two']);
    });

    it('reads the acts known at asOf, with the filters of GET /stats', async () => {
      const then = csvRows((await exported(`asOf=${beforeRetraction}`)).body).rows;
      expect(then.map((r) => r.incident_ref)).toContain(ids.retracted);
      const kg = csvRows((await exported('country=KG')).body).rows;
      expect(kg.map((r) => r.incident_ref)).toEqual([ids.blocked]);
    });

    it('writes JSON Lines and XLSX, by format or Accept, in the ACLED profile too', async () => {
      const lines = (await exported('country=KG&format=jsonl')).body.toString('utf8').trim();
      expect(lines.split('\n').map((l) => JSON.parse(l).type)).toEqual(['website_blocking']);
      const { body, headers } = await exported(
        'profile=acled',
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
      expect(headers['content-disposition']).toContain('acts-acled.xlsx');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(body as unknown as ArrayBuffer);
      const sheet = workbook.getWorksheet('acts')!;
      expect(sheet.getRow(1).getCell(1).value).toBe('event_id_cnty');
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      const dates = sheet.getColumn(2).values.slice(2) as string[];
      expect(dates).toContain('2020-02-25');
      expect(dates).toContain('2021-03-15');
      expect(workbook.getWorksheet('about')!.getRow(2).getCell(1).value).toContain(
        headers['x-position'],
      );
    });

    it.each([
      ['format=pdf', 'format'],
      ['profile=ucdp', 'profile'],
      ['asOf=yesterday', 'asOf'],
      ['lang=fr', 'lang'],
    ])('answers 400 problem+json for %s, naming %s', async (query, field) => {
      const response = await request(t.server).get(`/incidents/export?${query}`).set(t.auth);
      expect(response.status).toBe(400);
      expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    });

    it('is documented in OpenAPI', async () => {
      expect(
        await openApiGaps(t.app, [
          { path: '/incidents/export', method: 'get', statuses: ['200', '400', '401', '503'] },
        ]),
      ).toEqual([]);
    });
  });
});
