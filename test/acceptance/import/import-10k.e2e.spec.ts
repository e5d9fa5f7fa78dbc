import ExcelJS from 'exceljs';
import { XMLParser } from 'fast-xml-parser';
import request from 'supertest';
import { JobApps, JobBody } from './job-apps';
import { BREAKAGES, monitoringSheet, sheetCsv, sheetXlsx } from './monitoring-sheet';

/**
 * Acceptance (issue 5): a 10,000-row monitoring sheet with 37 broken rows, through
 * POST /imports on PostgreSQL with BullMQ on Redis (api and worker as separate Nest apps).
 */
describe('importing a 10,000-row monitoring sheet', () => {
  const sheet = monitoringSheet(10_000);
  const csv = sheetCsv(sheet.rows);
  let apps: JobApps;

  beforeAll(async () => {
    apps = await JobApps.create('redis://127.0.0.1:6379');
    await apps.startApi();
    await apps.startWorker();
  }, 60_000);
  afterAll(async () => apps?.close());

  const upload = async (
    file: Buffer,
    name: string,
    dryRun: boolean,
    progress: number[] = [],
  ): Promise<JobBody> => {
    const res = await request(apps.server)
      .post('/imports')
      .set(apps.auth)
      .field('dryRun', String(dryRun))
      .attach('file', file, name);
    if (res.status !== 202) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
    expect(res.body.jobId).toMatch(/^import-[0-9a-f]{40}$/);
    // Polled often: the real run takes a few seconds, and its progress steps should be seen.
    return apps.finished(res.body.jobId, 120_000, progress, 20);
  };

  let dryProblems: JobBody['errors'] = [];

  it('dry run: reports exactly the 37 broken rows, one clear message each, and records nothing', async () => {
    const job = await upload(csv, 'october.csv', true);
    expect(job.state).toBe('completed');
    dryProblems = job.errors;
    expect(job.errors.map((e) => e.row)).toEqual(sheet.broken);
    expect(job.errors.map((e) => e.column)).toEqual(BREAKAGES.map((b) => b.column));
    for (const e of job.errors) expect(e.message.length).toBeGreaterThan(10);
    expect(job.result).toMatchObject({
      dryRun: true,
      rows: 10_000,
      acts: 9_963,
      incidents: sheet.expected.incidents,
      recorded: { incidents: 0, acts: 0, persons: 0 },
    });
    const stats = await request(apps.server).get('/stats?measure=acts').set(apps.auth).expect(200);
    expect(stats.body.total).toBe(0);
  });

  it('real run: records the other 9,963 acts, with progress, and GET /stats agrees with the sheet', async () => {
    const started = Date.now();
    const progress: number[] = [];
    const job = await upload(csv, 'october.csv', false, progress);
    const seconds = (Date.now() - started) / 1000;
    process.stdout.write(
      `import of 10,000 rows: ${seconds.toFixed(1)} s (${Math.round(10_000 / seconds)} rows/s)\n`,
    );
    expect(job.state).toBe('completed');
    expect(job.progress).toBe(100);
    // Progress moves in steps of at most 2% (polled every 20 ms: many steps are seen).
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(new Set(progress).size).toBeGreaterThan(20);
    expect(job.errors.map((e) => e.row)).toEqual(sheet.broken);
    expect(job.result.recorded).toEqual({
      incidents: sheet.expected.incidents,
      acts: 9_963,
      persons: sheet.expected.persons,
      organisations: sheet.expected.organisations,
    });
    await apps.caughtUp();
    const stats = async (query: string) =>
      (await request(apps.server).get(`/stats?${query}`).set(apps.auth).expect(200)).body as {
        total: number;
        rows: { keys: Record<string, string | null>; value: number }[];
      };
    expect((await stats('measure=acts')).total).toBe(9_963);
    expect((await stats('measure=incidents')).total).toBe(sheet.expected.incidents);
    expect((await stats('measure=persons')).total).toBe(sheet.expected.persons);
    const byKey = (rows: { keys: Record<string, string | null>; value: number }[], key: string) =>
      new Map(rows.map((r) => [r.keys[key], r.value]));
    expect(byKey((await stats('measure=acts&groupBy=month')).rows, 'month')).toEqual(
      sheet.expected.actsByMonth,
    );
    expect(
      byKey((await stats('measure=acts&groupBy=targetCategory')).rows, 'targetCategory'),
    ).toEqual(sheet.expected.actsByCategory);
    expect(byKey((await stats('measure=acts&groupBy=source')).rows, 'source')).toEqual(
      sheet.expected.actsBySource,
    );
  });

  it('the same upload again is the same job; a copy of the file records nothing new', async () => {
    const again = await request(apps.server)
      .post('/imports')
      .set(apps.auth)
      .field('dryRun', 'false')
      .attach('file', csv, 'october-again.csv')
      .expect(202);
    const first = await request(apps.server)
      .post('/imports')
      .set(apps.auth)
      .field('dryRun', 'false')
      .attach('file', csv, 'october.csv')
      .expect(202);
    expect(again.body.jobId).toBe(first.body.jobId);
    // Another file holding rows already imported (about the first 2,000, as XLSX with Russian
    // headers): a new job, and nothing recorded.
    let end = 2_000;
    while (sheet.rows[end].incident_ref === sheet.rows[end - 1].incident_ref) end--;
    const part = sheet.rows.slice(0, end);
    const copy = await upload(await sheetXlsx(part, 'ru'), 'копия.xlsx', false);
    const partActs = part.length - sheet.broken.filter((row) => row <= end + 1).length;
    expect(copy.result.recorded).toEqual({ incidents: 0, acts: 0, persons: 0, organisations: 0 });
    expect(copy.result.alreadyImported.acts).toBe(partActs);
    await apps.caughtUp();
    const stats = await request(apps.server).get('/stats?measure=acts').set(apps.auth).expect(200);
    expect(stats.body.total).toBe(9_963);
  });

  it('the same sheet as XLSX with Russian headers gives the same result', async () => {
    const xlsx = await sheetXlsx(sheet.rows, 'ru');
    const dry = await upload(xlsx, 'октябрь.xlsx', true);
    // The same problems; an unread legal basis is shown a form in the sheet's language.
    const strip = (errors: JobBody['errors'], form: string) =>
      errors.map(({ row, column, message }) => ({
        row,
        column,
        message: column === 'legal_article' ? message.includes(form) : message,
      }));
    expect(strip(dry.errors, 'ч. 1 ст. 405 УК РК')).toEqual(
      strip(dryProblems, 'KZ Criminal Code art. 405 part 1'),
    );
    expect(dry.result).toMatchObject({
      rows: 10_000,
      acts: 9_963,
      incidents: sheet.expected.incidents,
    });
  });

  it('exports a workbook and charts that hold the same numbers as GET /stats at the same asOf', async () => {
    const started = await request(apps.server)
      .post('/exports')
      .set(apps.auth)
      .send({
        queries: [
          { measure: 'acts', groupBy: ['month'] },
          { measure: 'persons', groupBy: 'targetCategory' },
          { measure: 'acts', groupBy: ['source'], country: ['KZ'] },
        ],
      })
      .expect(202);
    const job = await apps.finished(started.body.jobId);
    expect(job.state).toBe('completed');
    const result = job.result as unknown as {
      asOf: { position: string; time: string };
      files: { name: string; url: string }[];
    };
    expect(result.files.map((f) => f.name).sort()).toEqual([
      '1-acts-by-month.png',
      '1-acts-by-month.svg',
      '2-persons-by-targetCategory.png',
      '2-persons-by-targetCategory.svg',
      '3-acts-by-source.png',
      '3-acts-by-source.svg',
      'statistics.xlsx',
    ]);
    const download = async (name: string) =>
      (
        await request(apps.server)
          .get(`/exports/${started.body.jobId}/files/${name}`)
          .set(apps.auth)
          .buffer(true)
          .parse((res, done) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => done(null, Buffer.concat(chunks)));
          })
          .expect(200)
      ).body as Buffer;

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await download('statistics.xlsx')) as unknown as ArrayBuffer);
    const asOf = result.asOf.position;
    const queries = [
      'measure=acts&groupBy=month',
      'measure=persons&groupBy=targetCategory',
      'measure=acts&groupBy=source&country=KZ',
    ];
    for (const [i, query] of queries.entries()) {
      const stats = await request(apps.server)
        .get(`/stats?${query}&asOf=${asOf}`)
        .set(apps.auth)
        .expect(200);
      // Title, as-of, filters, source, a blank line, the header; then one row per key.
      const sheetRows = workbook.worksheets[i].getSheetValues().slice(7) as unknown[][];
      const fromSheet = sheetRows
        .filter((r) => r !== undefined && r[1] !== 'Total')
        .map((r) => [r[1], r[2]]);
      expect(fromSheet).toEqual(
        stats.body.rows.map((r: { labels: Record<string, unknown>; value: number }) => [
          Object.values(r.labels)[0],
          r.value,
        ]),
      );
      const total = sheetRows.find((r) => r?.[1] === 'Total')!;
      expect(total[2]).toBe(stats.body.total);
      expect(String(workbook.worksheets[i].getCell('A2').value)).toContain(asOf);
    }
    expect(workbook.getWorksheet('Definitions')?.getCell('B1').value).toBe(asOf);

    const parser = new XMLParser({ ignoreAttributes: false });
    const monthly = (await download('1-acts-by-month.svg')).toString('utf8');
    const svg = parser.parse(monthly) as unknown;
    expect(svg).toHaveProperty('svg');
    // One bar per month with acts; year-precise acts are left out and the caption says so.
    const months = [...sheet.expected.actsByMonth.keys()].filter((m) => m !== null).length;
    const bars = monthly.match(/aria-roledescription="bar"/g) ?? [];
    expect(bars.length).toBe(months);
    const bySource = (await download('3-acts-by-source.svg')).toString('utf8');
    expect(parser.parse(bySource)).toHaveProperty('svg');
    const png = await download('3-acts-by-source.png');
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(2000);
  }, 180_000);

  it('keeps jobs and files of another workspace out of sight, and files out of the file system', async () => {
    await request(apps.server)
      .get('/jobs/import-0000000000000000000000000000000000000000')
      .set(apps.auth)
      .expect(404);
    await request(apps.server)
      .get('/exports/export-0000000000000000000000000000000000000000/files/..%2F..%2Fetc%2Fpasswd')
      .set(apps.auth)
      .expect(404);
  });
});
