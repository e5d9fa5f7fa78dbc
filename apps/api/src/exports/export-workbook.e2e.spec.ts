import ExcelJS from 'exceljs';
import request from 'supertest';
import { startTestApp, TestApp } from '../../../../test/support/test-app';
import { pngInfo } from '@app/exports/charts/png-resolution';

// Acceptance (issue 15): the export of queries with filters, in Russian, opened with exceljs:
// titles, filter lines, a cross-tab with totals and the definitions in Russian; the figures
// equal GET /stats at the same position; the chart on the sheet is at print size.

const incident = (i: number) => ({
  title: `Incident ${i}`,
  country: i % 3 === 0 ? 'KG' : 'KZ',
  type: i % 2 === 0 ? 'detention' : 'summons',
  occurred: {
    date: `${2019 + (i % 3)}-${String(1 + (i % 12)).padStart(2, '0')}`,
    precision: 'month',
  },
  rights: ['freedom_of_peaceful_assembly'],
  perpetrators: [{ source: i % 4 === 0 ? 'court' : 'police', role: 'main' }],
  targets: [
    { person: { name: `Person ${i}` }, category: i % 2 === 0 ? 'journalist' : 'civil_activist' },
    ...(i % 5 === 0 ? [{ person: { name: `Lawyer ${i}` }, category: 'lawyer' }] : []),
  ],
});

describe('statistics workbook in Russian (embedded jobs)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('postgres');
    for (let i = 0; i < 24; i++) {
      await request(t.server).post('/incidents').set(t.auth).send(incident(i)).expect(201);
    }
  }, 180_000);
  afterAll(async () => t?.close());

  const finished = async (jobId: string) => {
    for (let i = 0; i < 1200; i++) {
      const res = await request(t.server).get(`/jobs/${jobId}`).set(t.auth).expect(200);
      if (res.body.state === 'completed' || res.body.state === 'failed') return res.body;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`job ${jobId} did not finish`);
  };
  const download = async (url: string) =>
    (
      await request(t.server)
        .get(url)
        .set(t.auth)
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        })
        .expect(200)
    ).body as Buffer;

  it('states titles, filters, a cross-tab with totals and definitions in Russian, with the figures of /stats', async () => {
    const started = await request(t.server)
      .post('/exports')
      .set(t.auth)
      .send({
        lang: 'ru',
        queries: [
          { measure: 'acts', groupBy: ['year', 'targetCategory'], country: ['KZ'] },
          { measure: 'persons', groupBy: ['month'], year: ['2020'] },
        ],
      })
      .expect(202);
    const job = await finished(started.body.jobId);
    expect(job.state).toBe('completed');
    const { asOf, files } = job.result as {
      asOf: { position: string; time: string };
      files: { name: string; url: string }[];
    };
    const workbook = new ExcelJS.Workbook();
    const xlsx = files.find((f) => f.name === 'statistics.xlsx')!;
    await workbook.xlsx.load((await download(xlsx.url)) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Акты по годам и категориям',
      'Лица по месяцам',
      'Определения',
      'Источники',
    ]);

    // Sheet 1: the cross-tab, its totals from /stats by each dimension alone.
    const crossTab = workbook.worksheets[0];
    expect(crossTab.getCell('A1').value).toBe('Акты по годам и категориям преследуемых');
    expect(String(crossTab.getCell('A2').value)).toBe(
      `По данным на ${asOf.time.slice(0, 19).replace('T', ' ')} UTC (позиция ${asOf.position})`,
    );
    expect(crossTab.getCell('A3').value).toBe('Фильтры: Страна: Казахстан');
    const ask = async (query: string) =>
      (
        await request(t.server)
          .get(`/stats?${query}&asOf=${asOf.position}&lang=ru`)
          .set(t.auth)
          .expect(200)
      ).body as {
        rows: {
          keys: Record<string, string | number | null>;
          labels: Record<string, string>;
          value: number;
        }[];
        total: number;
        positionTime: string;
      };
    const cells = await ask('measure=acts&groupBy=year,targetCategory&country=KZ');
    expect(cells.positionTime).toBe(asOf.time);
    const years = await ask('measure=acts&groupBy=year&country=KZ');
    const categories = await ask('measure=acts&groupBy=targetCategory&country=KZ');
    const values = crossTab.getSheetValues() as unknown[][];
    const header = values[6].slice(1);
    expect(header).toEqual([
      'Год \\ Категория преследуемых',
      ...categories.rows.map((r) => r.labels.targetCategory),
      'Итого',
    ]);
    expect(header).toContain('Журналист или блогер');
    years.rows.forEach((year, i) => {
      const row = values[7 + i].slice(1);
      expect(row[0]).toBe(year.labels.year);
      expect(row.slice(1, -1)).toEqual(
        categories.rows.map(
          (c) =>
            cells.rows.find(
              (r) =>
                r.keys.year === year.keys.year && r.keys.targetCategory === c.keys.targetCategory,
            )?.value ?? 0,
        ),
      );
      expect(row.at(-1)).toBe(year.value);
    });
    expect(values[7 + years.rows.length].slice(1)).toEqual([
      'Итого',
      ...categories.rows.map((r) => r.value),
      cells.total,
    ]);

    // Sheet 2: one dimension, a total row; the filter in words.
    const months = workbook.worksheets[1];
    expect(months.getCell('A3').value).toBe('Фильтры: Год: 2020');
    const byMonth = await ask('measure=persons&groupBy=month&year=2020');
    const monthRows = (months.getSheetValues() as unknown[][]).slice(
      7,
      7 + byMonth.rows.length + 1,
    );
    expect(monthRows.map((r) => r.slice(1, 3))).toEqual([
      ...byMonth.rows.map((r) => [r.labels.month, r.value]),
      ['Итого', byMonth.total],
    ]);

    // The chart on each sheet, at print size.
    for (const sheet of workbook.worksheets.slice(0, 2)) {
      const [image] = sheet.getImages();
      const png = workbook.getImage(Number(image.imageId)).buffer as unknown as Buffer;
      expect(pngInfo(Buffer.from(png))).toMatchObject({ dpi: 300 });
      expect(pngInfo(Buffer.from(png)).width).toBeGreaterThanOrEqual(2000);
    }

    // Definitions: the position's stamp (not the request's time) and the rules in Russian.
    const definitions = workbook.getWorksheet('Определения')!;
    expect(definitions.getRow(1).values).toEqual([undefined, 'Позиция', asOf.position]);
    expect(definitions.getRow(2).values).toEqual([undefined, 'Время позиции (UTC)', asOf.time]);
    const terms = (definitions.getSheetValues() as unknown[][]).slice(6).map((r) => r[1]);
    expect(terms).toEqual(expect.arrayContaining(['Акты', 'Лица', 'Что считается', 'Месяц']));
    expect(String(definitions.getCell('B6').value)).toMatch(/^Акты \(«угрозы»/);
  });
});
