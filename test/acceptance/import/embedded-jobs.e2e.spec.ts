import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import request from 'supertest';
import { SQL_CLIENT, SqlClient } from '@app/database';
import { startTestApp, TestApp } from '../../support/test-app';
import { createTestWorkspace, TestWorkspace } from '../../support/workspaces';
import { JobDispatcher } from '@app/jobs/job-dispatcher';
import { JobRecords } from '@app/jobs/job-records';
import { monthlySnapshotJobId, previousMonth } from '@app/jobs/monthly-schedule';
import { monitoringSheet, sheetCsv } from './monitoring-sheet';

/**
 * Embedded mode (PGlite, no Redis): the same job classes run in the API process, the `jobs`
 * table being the queue. Templates, roles, workspaces and bad uploads.
 */
describe('imports and exports in embedded mode', () => {
  let t: TestApp;
  let other: TestWorkspace;

  beforeAll(async () => {
    t = await startTestApp('pglite');
    other = await createTestWorkspace(t.server);
  }, 60_000);
  afterAll(async () => t?.close());

  const finished = async (jobId: string, auth: Record<string, string> = t.auth) => {
    for (let i = 0; i < 600; i++) {
      const res = await request(t.server).get(`/jobs/${jobId}`).set(auth).expect(200);
      if (res.body.state === 'completed' || res.body.state === 'failed') return res.body;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`job ${jobId} did not finish`);
  };

  it('serves templates whose example row imports cleanly, with headers in five languages', async () => {
    const csv = await request(t.server).get('/imports/template.csv').set(t.auth).expect(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.text.split('\r\n')[0]).toBe(
      '\ufeffdate,precision,country,region,place,type,title,description,target_kind,target_name,target_category,source_main,sources_secondary,rights,legal_article,source_title,source_url,tags,incident_ref,target_id,coordinates,location_precision',
    );
    const ru = await request(t.server).get('/imports/template.csv?lang=ru').set(t.auth).expect(200);
    expect(ru.text).toContain('дата,точность,страна');
    const xlsx = await request(t.server)
      .get('/imports/template.xlsx?lang=tg')
      .set(t.auth)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const started = await request(t.server)
      .post('/imports')
      .set(t.auth)
      .field('dryRun', 'true')
      .attach('file', xlsx.body as Buffer, 'template.xlsx')
      .expect(202);
    const job = await finished(started.body.jobId);
    expect(job.errors).toEqual([]);
    expect(job.result).toMatchObject({ rows: 1, incidents: 1, acts: 1 });
  });

  it('imports in the API process and keeps the job to its workspace', async () => {
    const sheet = monitoringSheet(80);
    const started = await request(t.server)
      .post('/imports')
      .set(t.auth)
      .attach('file', sheetCsv(sheet.rows), 'small.csv')
      .expect(202);
    const job = await finished(started.body.jobId);
    expect(job.state).toBe('completed');
    expect(job.result.recorded.acts).toBe(sheet.expected.acts);
    expect(job.errors.map((e: { row: number }) => e.row)).toEqual(sheet.broken);
    await request(t.server)
      .get(`/jobs/${started.body.jobId}`)
      .set({ Authorization: `Bearer ${other.tokens.admin}` })
      .expect(404);
    const exported = await request(t.server)
      .post('/exports')
      .set(t.auth)
      .send({ queries: [{ measure: 'acts', groupBy: ['country'] }] })
      .expect(202);
    expect((await finished(exported.body.jobId)).state).toBe('completed');
    await request(t.server)
      .get(`/exports/${exported.body.jobId}/files/statistics.xlsx`)
      .set({ Authorization: `Bearer ${other.tokens.analyst}` })
      .expect(404);
    await request(t.server)
      .get(`/exports/${exported.body.jobId}/files/statistics.xlsx`)
      .set(t.auth)
      .expect(200)
      .expect('content-type', /spreadsheetml/);
  });

  it('reports possible duplicate persons without merging them, and without their names', async () => {
    const csv = Buffer.from(
      'date,country,type,title,target_name,target_category\n' +
        '2020-02-25,KZ,detention,Memorial detentions,Дулат Агадил,civil_activist\n' +
        '2020-02-26,KZ,summons,Summons after the memorial,Dulat Agadil,civil_activist\n',
    );
    const started = await request(t.server)
      .post('/imports')
      .set(t.auth)
      .attach('file', csv, 'names.csv')
      .expect(202);
    const job = await finished(started.body.jobId);
    expect(job.result.recorded).toMatchObject({ incidents: 2, acts: 2, persons: 2 });
    expect(job.result.possibleDuplicatePersons).toEqual([
      {
        rows: [2, 3],
        personIds: [expect.any(String), expect.any(String)],
        message: expect.any(String),
      },
    ]);
    const [a, b] = job.result.possibleDuplicatePersons[0].personIds;
    expect(a).not.toBe(b);
    expect(JSON.stringify(job)).not.toMatch(/Agadil|Агадил/i);
  });

  it("meets the sheet's names with the recorded persons: the dry run reports, the chosen match records one person", async () => {
    const ws = await createTestWorkspace(t.server, 'Matching NGO', ['monitor']);
    const auth = { Authorization: `Bearer ${ws.tokens.monitor}` };
    const person = await request(t.server)
      .post('/persons')
      .set(auth)
      .send({ name: 'Дулат Агадил', label: 'P-0042', category: 'civil_activist' })
      .expect(201);
    const csv = Buffer.from(
      'date,country,type,title,target_name,target_category,legal_article,target_id\n' +
        '2021-05-14,TJ,detention,Detained in Khorog,Dulat Agadil,civil_activist,ч. 1 ст. 307 УК РТ,\n' +
        `2021-06-02,TJ,summons,Summoned again,,,,${person.body.id}\n`,
    );
    const upload = async (fields: Record<string, string>) => {
      const post = request(t.server).post('/imports').set(auth);
      for (const [k, v] of Object.entries(fields)) post.field(k, v);
      const started = await post.attach('file', csv, 'matches.csv').expect(202);
      return finished(started.body.jobId, auth);
    };

    const dry = await upload({ dryRun: 'true' });
    expect(dry.errors).toEqual([]);
    expect(dry.result.possibleDuplicatePersons).toEqual([
      {
        rows: [2],
        candidates: [{ id: person.body.id, label: 'P-0042', reason: 'same_name' }],
        message: expect.stringContaining('target_id'),
      },
    ]);
    expect(dry.result.matchedTargets).toEqual([
      { rows: [3], kind: 'person', id: person.body.id, by: 'target_id' },
    ]);
    expect(JSON.stringify(dry)).not.toMatch(/Agadil|Агадил/i);

    const recorded = await upload({ matchPersons: 'same_name' });
    expect(recorded.errors).toEqual([]);
    expect(recorded.result.recorded).toEqual({
      incidents: 2,
      acts: 2,
      persons: 0,
      organisations: 0,
    });
    expect(recorded.result.matchedTargets).toEqual([
      { rows: [3], kind: 'person', id: person.body.id, by: 'target_id' },
      { rows: [2], kind: 'person', id: person.body.id, by: 'same_name' },
    ]);
    const stats = async (query: string) =>
      (await request(t.server).get(`/stats?${query}`).set(auth).expect(200)).body.total;
    for (let i = 0; i < 300 && (await stats('measure=acts')) < 2; i++) {
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(await stats('measure=acts')).toBe(2);
    expect(await stats('measure=persons')).toBe(1);
    // The act named by id took the category the person was registered with.
    expect(await stats('measure=acts&targetCategory=civil_activist')).toBe(2);
    expect(
      await stats(`measure=acts&legalArticle=${encodeURIComponent('TJ Criminal Code|307')}`),
    ).toBe(1);
  });

  it('lets monitors import and analysts export, not the other way round', async () => {
    const csv = sheetCsv(monitoringSheet(3).rows);
    const as = (role: 'monitor' | 'analyst' | 'public') => ({
      Authorization: `Bearer ${other.tokens[role]}`,
    });
    await request(t.server)
      .post('/imports')
      .set(as('analyst'))
      .attach('file', csv, 'a.csv')
      .expect(403);
    const byMonitor = await request(t.server)
      .post('/imports')
      .set(as('monitor'))
      .attach('file', csv, 'a.csv')
      .expect(202);
    // The analyst sees the job, but not the cells' text (which may name people).
    let seen = { state: '', errors: [] as { value: unknown }[] };
    for (let i = 0; i < 300 && seen.state !== 'completed'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      seen = (
        await request(t.server).get(`/jobs/${byMonitor.body.jobId}`).set(as('analyst')).expect(200)
      ).body;
    }
    expect(seen.errors.length).toBeGreaterThan(0);
    expect(seen.errors.every((e) => e.value === null)).toBe(true);
    await request(t.server)
      .post('/exports')
      .set(as('public'))
      .send({ queries: [{ measure: 'acts' }] })
      .expect(403);
    await request(t.server)
      .post('/exports')
      .set(as('analyst'))
      .send({ queries: [{ measure: 'acts' }] })
      .expect(202);
  });

  it('answers 400 naming the field for a missing or unknown file, a bad dryRun or a bad query', async () => {
    const missing = await request(t.server)
      .post('/imports')
      .set(t.auth)
      .field('dryRun', 'true')
      .expect(400);
    expect(missing.body.errors).toEqual([expect.objectContaining({ field: 'file' })]);
    const pdf = await request(t.server)
      .post('/imports')
      .set(t.auth)
      .attach('file', Buffer.from('%PDF-1.7'), 'report.pdf')
      .expect(400);
    expect(pdf.body.errors).toEqual([expect.objectContaining({ field: 'file' })]);
    const dry = await request(t.server)
      .post('/imports')
      .set(t.auth)
      .field('dryRun', 'maybe')
      .attach('file', Buffer.from('date\n'), 'a.csv')
      .expect(400);
    expect(dry.body.errors).toEqual([expect.objectContaining({ field: 'dryRun' })]);
    const badFields = [
      [t.auth, 'keepDays', '31'],
      [t.auth, 'keepDays', '-1'],
      [{ Authorization: `Bearer ${other.tokens.monitor}` }, 'keepDays', '7'],
      [t.auth, 'matchPersons', 'similar'],
    ] as const;
    for (const [auth, field, value] of badFields) {
      const bad = await request(t.server)
        .post('/imports')
        .set(auth)
        .field(field, value)
        .attach('file', Buffer.from('date\n'), 'a.csv')
        .expect(400);
      expect(bad.body.errors).toEqual([expect.objectContaining({ field })]);
    }
    const query = await request(t.server)
      .post('/exports')
      .set(t.auth)
      .send({ queries: [{ measure: 'threats', groupBy: ['planet'] }] })
      .expect(400);
    expect(query.headers['content-type']).toContain('application/problem+json');
    await request(t.server).get('/jobs/not-a-job').set(t.auth).expect(404);
  });

  it('ends a broken file as a failed job saying so', async () => {
    // The zip bomb and the 1.45 MB sheet run in a spawned embedded API, whose memory is its
    // own to measure: test/acceptance/embedded/embedded-crash.e2e.spec.ts.
    const started = await request(t.server)
      .post('/imports')
      .set(t.auth)
      .attach('file', Buffer.from('PK\u0003\u0004 broken'), 'broken.xlsx')
      .expect(202);
    const broken = await finished(started.body.jobId);
    expect(broken).toMatchObject({ state: 'failed' });
    expect(broken.errors).toEqual([
      {
        row: null,
        column: null,
        value: null,
        message: 'the file is not a readable XLSX workbook',
      },
    ]);
  });

  it('turns /health degraded, naming the jobs, while a job waits with no step', async () => {
    const sql = t.app.get<SqlClient>(SQL_CLIENT);
    const health = async () => (await request(t.server).get('/health').expect(200)).body;
    expect((await health()).jobs).toEqual({ status: 'ok', stalledJobs: 0, stalledSeconds: 0 });
    // What a wedged worker leaves: a job it claimed (its lease still running) and never advanced.
    await sql.query(
      `INSERT INTO jobs (id, workspace_id, type, state, input, locked_until, updated_at)
       VALUES ('import-wedged', NULL, 'import', 'active', '{}', now() + interval '1 hour',
               now() - interval '10 minutes')`,
    );
    try {
      const wedged = await health();
      expect(wedged.status).toBe('degraded');
      expect(wedged.jobs).toMatchObject({ status: 'stalled', stalledJobs: 1 });
      expect(wedged.jobs.stalledSeconds).toBeGreaterThanOrEqual(600);
    } finally {
      await sql.query(`DELETE FROM jobs WHERE id = 'import-wedged'`);
    }
    expect((await health()).status).toBe('ok');
  });

  it('keeps no sheet past its job unless an admin asks; erasure leaves her name in no file, WAL included', async () => {
    const name = 'Gulnara Diskscanova-Testkyzy';
    const marker = 'Disk scan marker 7731'; // in clear in the log: the scan below can fail
    const sheet = monitoringSheet(120);
    const valid = sheet.rows.find((_, i) => !sheet.broken.includes(i + 2))!;
    const csv = sheetCsv([
      { ...valid, incident_ref: 'DS-1', title: marker, target_kind: 'person', target_name: name },
    ]);
    const upload = async (fields: Record<string, string>) => {
      const post = request(t.server).post('/imports').set(t.auth);
      for (const [field, value] of Object.entries(fields)) post.field(field, value);
      const started = await post.attach('file', csv, 'named.csv').expect(202);
      const job = await finished(started.body.jobId);
      expect(job).toMatchObject({ state: 'completed', errors: [] });
      return started.body.jobId as string;
    };
    const sql = t.app.get<SqlClient>(SQL_CLIENT);
    const kept = async () =>
      (await sql.query<{ id: string }>('SELECT upload_id AS id FROM upload_files')).rows.map(
        (r) => r.id,
      );

    const dryRun = await upload({ dryRun: 'true' });
    const recorded = await upload({ keepDays: '7' });
    expect(await kept()).not.toContain(dryRun);
    expect(await kept()).toContain(recorded);

    // The person list is a projection: under load it may not have caught up with the job yet.
    let found = { body: { items: [] as { id: string }[] } };
    for (let i = 0; i < 100 && found.body.items.length === 0; i++) {
      if (i > 0) await new Promise((r) => setTimeout(r, 100));
      found = await request(t.server)
        .get('/persons')
        .query({ q: 'Diskscanova' })
        .set(t.auth)
        .expect(200);
    }
    const personId = found.body.items[0].id;
    await request(t.server)
      .post(`/persons/${personId}/erasure`)
      .set(t.auth)
      .send({ reason: 'Request of the person' })
      .expect(201);
    expect(await kept()).not.toContain(recorded);
    const again = await request(t.server)
      .post('/incidents')
      .set(t.auth)
      .send({
        title: 'Summons',
        country: 'KZ',
        occurred: { date: '2021-03', precision: 'month' },
        type: 'summons',
        targets: [{ personId, category: 'civil_activist' }],
      })
      .expect(409);
    expect(again.body.code).toBe('person_erased');

    const holding = (text: string) => holdingText(t.dataDir!, text);
    expect(await holding(marker)).not.toEqual([]);
    expect(await holding(name)).toEqual([]);
  });

  it('redacts free text: the old versions leave every table, file and the WAL; history says so; the figures stay', async () => {
    const title = 'Summons of Redactova Titlemarker';
    const corrected = 'Summons of Redactova Secondmarker';
    const description = 'Redactova Descmarker was summoned';
    const tag = 'redactova-tagmarker';
    const http = () => request(t.server);
    const sql = t.app.get<SqlClient>(SQL_CLIENT);
    const report = await http()
      .post('/incidents')
      .set(t.auth)
      .send({
        title,
        description,
        place: 'Almaty',
        tags: [tag, 'campaign-2021'],
        country: 'KZ',
        occurred: { date: '2021-04', precision: 'month' },
        type: 'summons',
        targets: [{ person: { name: 'Redaction Target' }, category: 'journalist' }],
      })
      .expect(201);
    const id = report.body.id as string;
    const change = (field: string, value: unknown) =>
      http()
        .post(`/incidents/${id}/corrections`)
        .set(t.auth)
        .send({ field, value, reason: 'typo' })
        .expect(201);
    await change('title', corrected);
    let position = (await change('place', 'Astana')).body.position as string;
    const figures = async () => {
      const out: unknown[] = [];
      for (const q of [{ measure: 'acts', groupBy: 'month' }, { measure: 'incidents' }]) {
        const { body } = await http()
          .get('/stats')
          .query({ ...q, after: position })
          .set(t.auth);
        out.push({ rows: body.rows, total: body.total });
      }
      return out;
    };
    const before = await figures();

    const redact = (body: object, headers: Record<string, string> = {}) =>
      http().post(`/incidents/${id}/redactions`).set(t.auth).set(headers).send(body);
    expect(
      (await redact({ fields: ['name'], reason: 'r' }).expect(400)).body.errors[0].field,
    ).toMatch(/^fields/);
    expect(
      (await redact({ fields: ['title'], reason: ' ' }).expect(400)).body.errors[0].field,
    ).toBe('reason');
    await redact({ fields: ['title'], reason: 'r' }, { 'If-Match': '1' }).expect(409);
    await http()
      .post(`/incidents/${id}/redactions`)
      .set({ Authorization: `Bearer ${other.tokens.admin}` })
      .send({ fields: ['title'], reason: 'r' })
      .expect(404);
    const done = await redact({
      fields: ['title', 'description', 'tags'],
      replacement: 'Summons',
      reason: 'Names a person at risk',
    }).expect(201);
    expect(done.body).toMatchObject({ unsealedVersionsInLog: 0, readModelsRewritten: true });
    position = done.body.position;

    const read = await http().get(`/incidents/${id}`).set(t.auth).expect(200);
    expect(read.body).toMatchObject({ title: 'Summons', description: 'Summons', place: 'Astana' });
    expect(read.body.tags).toEqual(['Summons']);
    const history = (await http().get(`/incidents/${id}/history`).set(t.auth).expect(200)).body;
    const last = history.entries[history.entries.length - 1];
    expect(last).toMatchObject({
      type: 'IncidentRedacted',
      reason: 'Names a person at risk',
      by: { userId: expect.any(String) },
      recordedAt: expect.any(String),
      redaction: { fields: ['title', 'description', 'tags'], unsealedVersionsInLog: 0 },
    });
    // Other fields keep their history.
    expect(history.entries.flatMap((e: { changes?: unknown[] }) => e.changes ?? [])).toContainEqual(
      {
        field: 'place',
        from: 'Almaty',
        to: 'Astana',
      },
    );
    const csv = await http()
      .get('/incidents/export')
      .query({ format: 'csv', after: position })
      .set(t.auth)
      .expect(200);
    expect(csv.text).toContain('Summons');
    expect(await figures()).toEqual(before);

    const gone = ['Titlemarker', 'Secondmarker', 'Descmarker', 'tagmarker'];
    const expectNoTrace = async () => {
      const { rows: tables } = await sql.query<{ name: string }>(
        `SELECT table_name AS name FROM information_schema.tables
          WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`,
      );
      for (const text of gone) {
        const found: string[] = [];
        for (const { name } of tables) {
          const { rows } = await sql.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM "${name}" t WHERE t::text LIKE $1`,
            [`%${text}%`],
          );
          if (rows[0].n > 0) found.push(name);
        }
        expect({ text, tables: found, files: await holdingText(t.dataDir!, text) }).toEqual({
          text,
          tables: [],
          files: [],
        });
      }
    };
    await expectNoTrace();

    // A rebuild reads the log again: the replacement, never the old text.
    await http().post('/projections/incident-facts/rebuild').set(t.auth).expect(202);
    for (let i = 0; i < 300; i++) {
      const [projection] = (await http().get('/projections').set(t.auth).expect(200)).body;
      if (projection.rebuild?.state !== 'rebuilding') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const rebuilt = await http()
      .get('/incidents')
      .query({ after: position, q: 'Summons' })
      .set(t.auth);
    expect(rebuilt.body.items.map((i: { id: string }) => i.id)).toContain(id);
    expect(await figures()).toEqual(before);
    const { rows } = await sql.query<{ title: string; tags: string[] }>(
      'SELECT title, tags FROM rm_incidents WHERE incident_id = $1',
      [id],
    );
    expect(rows).toEqual([{ title: 'Summons', tags: ['Summons'] }]);
  });

  it('pins a draft snapshot named after the month that ended, once, in every workspace', async () => {
    const records = t.app.get(JobRecords);
    const dispatcher = t.app.get(JobDispatcher);
    // What the scheduler does on the first of November 2026 (twice: a retry changes nothing).
    for (let i = 0; i < 2; i++) {
      const { record } = await records.create({
        id: monthlySnapshotJobId('2026-10'),
        workspaceId: null,
        type: 'snapshot',
        input: { month: '2026-10' },
      });
      await dispatcher.dispatch(record);
    }
    for (
      let i = 0;
      i < 300 && (await records.get(monthlySnapshotJobId('2026-10')))?.state !== 'completed';
      i++
    ) {
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(await records.get(monthlySnapshotJobId('2026-10'))).toMatchObject({
      state: 'completed',
    });
    for (const auth of [t.auth, { Authorization: `Bearer ${other.tokens.admin}` }]) {
      const list = await request(t.server).get('/snapshots').set(auth).expect(200);
      const drafts = list.body.snapshots.filter(
        (x: { name: string }) => x.name === 'Draft: October 2026',
      );
      expect(drafts).toHaveLength(1);
    }
    expect(previousMonth(new Date('2027-01-01T00:00:00Z'))).toBe('2026-12');
  });
});

/** The files of the data directory (tables, WAL...) whose bytes hold `text`. */
async function holdingText(dir: string, text: string): Promise<string[]> {
  const bytes = Buffer.from(text, 'utf8');
  const hits: string[] = [];
  for (const file of await filesUnder(dir)) {
    if ((await readFile(file)).includes(bytes)) hits.push(file);
  }
  return hits;
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}
