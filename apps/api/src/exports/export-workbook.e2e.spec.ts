import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { createHash } from 'node:crypto';
import { Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import request from 'supertest';
import { SQL_CLIENT, SqlClient } from '@app/database';
import { pngInfo } from '@app/exports/charts/png-resolution';
import { seedCaseActs } from '../../../../test/support/case-acts-seed';
import { startTestApp, TestApp } from '../../../../test/support/test-app';
import { createTestWorkspace, TestWorkspace } from '../../../../test/support/workspaces';

/** Acts of the large workspace of the memory test; CASE_EXPORT_ACTS=100000 for the full size. */
const CASE_EXPORT_ACTS = Number(process.env.CASE_EXPORT_ACTS ?? 20_000);

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

  describe('case-level export (GET /incidents/export, POST /incidents/exports)', () => {
    let cases: TestWorkspace;
    let large: TestWorkspace;
    let small: TestWorkspace;
    let base: string;
    const as = (token: string) => ({ Authorization: `Bearer ${token}` });
    const bytesOf = async (path: string, token: string) =>
      (
        await request(t.server)
          .get(path)
          .set(as(token))
          .buffer(true)
          .parse((res, done) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => done(null, Buffer.concat(chunks)));
          })
          .expect(200)
      ).body as Buffer;
    const startCases = (token: string, body: object, key?: string) => {
      const call = request(t.server).post('/incidents/exports').set(as(token)).send(body);
      return key === undefined ? call : call.set('Idempotency-Key', key);
    };
    const jobOf = async (jobId: string, token: string) => {
      for (let i = 0; i < 1200; i++) {
        const res = await request(t.server).get(`/jobs/${jobId}`).set(as(token)).expect(200);
        if (res.body.state === 'completed' || res.body.state === 'failed') return res.body;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`job ${jobId} did not finish`);
    };
    const csvRows = (body: Buffer) =>
      parse(body.toString('utf8').replace(/^\ufeff(#[^\n]*\n)+/, ''), {
        columns: true,
      }) as Record<string, string>[];

    beforeAll(async () => {
      // fetch reads a response as it comes (supertest buffers it whole).
      const server = t.server as Server;
      await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      cases = await createTestWorkspace(t.server, 'Cases', ['analyst']);
      for (let i = 0; i < 6; i++) {
        await request(t.server)
          .post('/incidents')
          .set(as(cases.tokens.admin))
          .send(incident(i))
          .expect(201);
      }
      const sql = t.app.get<SqlClient>(SQL_CLIENT);
      small = await createTestWorkspace(t.server, 'Small', ['analyst']);
      large = await createTestWorkspace(t.server, 'Large', ['analyst']);
      await seedCaseActs(sql, small.id, CASE_EXPORT_ACTS / 4);
      await seedCaseActs(sql, large.id, CASE_EXPORT_ACTS);
    }, 120_000);

    it('runs as a job: the bytes of the GET at the same position, progress in acts, one job per request', async () => {
      const body = { lang: 'ru', country: ['KZ'] };
      const started = await startCases(cases.tokens.admin, body).expect(202);
      const again = await startCases(cases.tokens.admin, body).expect(202);
      expect(again.body.jobId).toBe(started.body.jobId);
      const job = await jobOf(started.body.jobId, cases.tokens.admin);
      expect(job.state).toBe('completed');
      const { asOf, acts, files } = job.result as {
        asOf: { position: string; time: string };
        acts: number;
        files: { name: string; url: string }[];
      };
      expect(job.progressDetail).toEqual({ done: acts, total: acts, unit: 'acts' });
      const stats = await request(t.server)
        .get(`/stats?measure=acts&country=KZ&asOf=${asOf.position}`)
        .set(as(cases.tokens.admin))
        .expect(200);
      expect(acts).toBe(stats.body.total);
      expect(files.map((f) => f.name)).toEqual(['acts-default.csv']);
      const file = await bytesOf(files[0].url, cases.tokens.admin);
      const streamed = await bytesOf(
        `/incidents/export?lang=ru&country=KZ&asOf=${asOf.position}`,
        cases.tokens.admin,
      );
      expect(file.equals(streamed)).toBe(true);
      expect(csvRows(file).some((r) => /^Person \d+$/.test(r.target_name))).toBe(true);

      // Names only for the roles that see them: the analyst's own job has none, and the
      // admin's file is not the analyst's.
      await request(t.server).get(files[0].url).set(as(cases.tokens.analyst)).expect(404);
      const theirs = await startCases(cases.tokens.analyst, body).expect(202);
      expect(theirs.body.jobId).not.toBe(started.body.jobId);
      const analystJob = await jobOf(theirs.body.jobId, cases.tokens.analyst);
      const redacted = csvRows(await bytesOf(analystJob.result.files[0].url, cases.tokens.analyst));
      expect(redacted).toHaveLength(acts);
      expect(redacted.every((r) => r.target_name === '' && r.description === '')).toBe(true);
    });

    it('takes an Idempotency-Key: the same key is the same job, with another request 422', async () => {
      const first = await startCases(cases.tokens.admin, { format: 'jsonl' }, 'cases-k1').expect(
        202,
      );
      // A write in between: without the key this would be another position, another job.
      await request(t.server)
        .post('/incidents')
        .set(as(cases.tokens.admin))
        .send(incident(7))
        .expect(201);
      const again = await startCases(cases.tokens.admin, { format: 'jsonl' }, 'cases-k1').expect(
        202,
      );
      expect(again.body.jobId).toBe(first.body.jobId);
      await startCases(cases.tokens.admin, { format: 'xlsx' }, 'cases-k1').expect(422);
      const job = await jobOf(first.body.jobId, cases.tokens.admin);
      expect(job.result.files[0].name).toBe('acts-default.jsonl');
    });

    it('goes, when made with names, as soon as a person of the workspace is erased', async () => {
      const named = await startCases(cases.tokens.admin, { lang: 'kk' }).expect(202);
      const namedJob = await jobOf(named.body.jobId, cases.tokens.admin);
      const unnamed = await startCases(cases.tokens.analyst, { lang: 'kk' }).expect(202);
      const unnamedJob = await jobOf(unnamed.body.jobId, cases.tokens.analyst);
      await bytesOf(namedJob.result.files[0].url, cases.tokens.admin);
      const person = await request(t.server)
        .post('/persons')
        .set(as(cases.tokens.admin))
        .send({ name: 'Someone To Erase' })
        .expect(201);
      const erased = await request(t.server)
        .post(`/persons/${person.body.id}/erasure`)
        .set(as(cases.tokens.admin))
        .send({ reason: 'asked' });
      expect(erased.status).toBeLessThan(300);
      await request(t.server)
        .get(namedJob.result.files[0].url)
        .set(as(cases.tokens.admin))
        .expect(404);
      await request(t.server)
        .get(`/jobs/${named.body.jobId}`)
        .set(as(cases.tokens.admin))
        .expect(404);
      // A file without names has none of hers: it stays.
      await bytesOf(unnamedJob.result.files[0].url, cases.tokens.analyst);
    });

    it('is kept 24 hours: then the file is refused, and the same request runs again', async () => {
      const body = { lang: 'ky', format: 'jsonl' };
      // The same request is the same job at the same position: the erasure of the test before
      // must be projected first, or the second request would read a later position.
      for (let i = 0; i < 200; i++) {
        const res = await request(t.server).get('/projections').set(as(cases.tokens.admin));
        if ((res.body as { caughtUp: boolean }[]).every((p) => p.caughtUp)) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      const started = await startCases(cases.tokens.admin, body).expect(202);
      const job = await jobOf(started.body.jobId, cases.tokens.admin);
      const expires = await t.app.get<SqlClient>(SQL_CLIENT).query<{ hours: number }>(
        `SELECT round(extract(epoch FROM expires_at - created_at) / 3600)::int AS hours
             FROM jobs WHERE id = $1`,
        [job.id],
      );
      expect(expires.rows[0].hours).toBe(24);
      await t.app
        .get<SqlClient>(SQL_CLIENT)
        .query(`UPDATE jobs SET expires_at = now() - interval '1 second' WHERE id = $1`, [job.id]);
      await request(t.server).get(job.result.files[0].url).set(as(cases.tokens.admin)).expect(404);
      const again = await startCases(cases.tokens.admin, body).expect(202);
      expect(again.body.jobId).toBe(job.id);
      const rerun = await jobOf(again.body.jobId, cases.tokens.admin);
      expect(Date.parse(rerun.createdAt)).toBeGreaterThan(Date.parse(job.createdAt));
      await bytesOf(rerun.result.files[0].url, cases.tokens.admin);
    });

    it.each([
      [{ format: 'pdf' }, 'format'],
      [{ profile: 'ucdp' }, 'profile'],
      [{ asOf: 'yesterday' }, 'asOf'],
      [{ lang: 'fr' }, 'lang'],
    ])('answers 400 problem+json for %j, naming %s', async (body, field) => {
      const response = await startCases(cases.tokens.admin, body);
      expect(response.status).toBe(400);
      expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    });

    it(`writes ${CASE_EXPORT_ACTS} acts in bounded memory, streamed and as a job (peak RSS)`, async () => {
      setFlagsFromString('--expose-gc');
      const gc = runInNewContext('gc') as () => void;
      // Peak RSS, and the memory still held after a collection (sampled every 100 ms): V8
      // collects lazily, so RSS alone also counts garbage not yet collected.
      const measure = async (work: () => Promise<void>) => {
        gc();
        const start = process.memoryUsage();
        const held = (m: NodeJS.MemoryUsage) => m.heapUsed + m.external;
        let peakRss = start.rss;
        let peakHeld = held(start);
        let ticks = 0;
        const sampler = setInterval(() => {
          if (++ticks % 20 === 0) {
            gc();
            peakHeld = Math.max(peakHeld, held(process.memoryUsage()));
          }
          peakRss = Math.max(peakRss, process.memoryUsage().rss);
        }, 5);
        try {
          await work();
        } finally {
          clearInterval(sampler);
        }
        const mb = (n: number) => Math.round(n / 1e5) / 10;
        return { rss: mb(peakRss - start.rss), held: mb(peakHeld - held(start)) };
      };
      // The largest file's size: what a writer holding its file whole would hold.
      let bytes = 0;
      let bytesSeen = 0;
      const drain = async (path: string, token: string) => {
        const response = await fetch(`${base}${path}`, { headers: as(token) });
        expect(response.status).toBe(200);
        let lines = 0;
        for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
          bytes = Math.max(bytes, (bytesSeen += chunk.length));
          for (const b of chunk) if (b === 10) lines++;
        }
        bytesSeen = 0;
        return lines;
      };
      const streamed = (ws: TestWorkspace, acts: number) => async () => {
        // Three comment lines and the header, then one line per act.
        expect(await drain('/incidents/export?format=csv', ws.tokens.analyst)).toBe(acts + 4);
      };
      const asJob = (ws: TestWorkspace, acts: number) => async () => {
        const started = await startCases(ws.tokens.analyst, { format: 'csv' }).expect(202);
        const job = await jobOf(started.body.jobId, ws.tokens.analyst);
        expect(job.progressDetail).toEqual({ done: acts, total: acts, unit: 'acts' });
        expect(await drain(job.result.files[0].url, ws.tokens.analyst)).toBe(acts + 4);
      };
      const quarter = CASE_EXPORT_ACTS / 4;
      const m = {
        streamedQuarter: await measure(streamed(small, quarter)),
        streamedFull: await measure(streamed(large, CASE_EXPORT_ACTS)),
        jobQuarter: await measure(asJob(small, quarter)),
        jobFull: await measure(asJob(large, CASE_EXPORT_ACTS)),
      };
      console.log(`memory growth in MB (${CASE_EXPORT_ACTS} acts, ${bytes} bytes of CSV):`, m);
      // The GET never holds as much as its file (7.7 MB at 20,000 acts, 38 MB at 100,000).
      expect(m.streamedFull.held).toBeLessThan(bytes / 1e6);
      for (const [quarterOf, full] of [
        [m.streamedQuarter, m.streamedFull],
        [m.jobQuarter, m.jobFull],
      ]) {
        // The job's 256 KiB chunks pass through the database driver's buffers, which vary
        // with the load (2 to 18 MB held at 20,000 to 100,000 acts): a looser bound, still
        // less than the file at the full size ...
        expect(full.held).toBeLessThan(32);
        expect(full.rss).toBeLessThan(64);
        // ... and four times the acts is not four times the memory.
        expect(full.rss).toBeLessThan(2 * quarterOf.rss + 24);
        expect(full.held).toBeLessThan(2 * quarterOf.held + 16);
      }
    }, 300_000);

    it('reads one position for the whole file while writes go on, and states it', async () => {
      const response = await fetch(`${base}/incidents/export?format=csv`, {
        headers: as(large.tokens.analyst),
      });
      expect(response.status).toBe(200);
      const position = response.headers.get('x-position')!;
      const reader = response.body!.getReader();
      const hash = createHash('sha256');
      let lines = 0;
      const take = (chunk: Uint8Array) => {
        hash.update(chunk);
        for (const b of chunk) if (b === 10) lines++;
      };
      take((await reader.read()).value!);
      // The first pages are out; new incidents now, in the read model before reading on.
      let last = '';
      for (let i = 0; i < 5; i++) {
        const res = await request(t.server)
          .post('/incidents')
          .set(as(large.tokens.admin))
          .send(incident(i))
          .expect(201);
        last = res.body.position;
      }
      await request(t.server)
        .get(`/incidents?after=${last}`)
        .set(as(large.tokens.analyst))
        .expect(200);
      for (let r = await reader.read(); !r.done; r = await reader.read()) take(r.value);
      // None of the new acts: three comment lines, the header and the seeded acts.
      expect(lines).toBe(CASE_EXPORT_ACTS + 4);
      // The rows are those at the stated position, byte for byte.
      const atPosition = await bytesOf(
        `/incidents/export?format=csv&asOf=${position}`,
        large.tokens.analyst,
      );
      expect(atPosition.toString('utf8')).toContain(`(position ${position})`);
      expect(createHash('sha256').update(atPosition).digest('hex')).toBe(hash.digest('hex'));
    }, 120_000);
  });
});
