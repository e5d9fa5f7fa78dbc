import request from 'supertest';
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

  const finished = async (jobId: string) => {
    for (let i = 0; i < 600; i++) {
      const res = await request(t.server).get(`/jobs/${jobId}`).set(t.auth).expect(200);
      if (res.body.state === 'completed' || res.body.state === 'failed') return res.body;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`job ${jobId} did not finish`);
  };

  it('serves templates whose example row imports cleanly, with headers in four languages', async () => {
    const csv = await request(t.server).get('/imports/template.csv').set(t.auth).expect(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.text.split('\r\n')[0]).toBe(
      '\ufeffdate,precision,country,region,place,type,title,description,target_kind,target_name,target_category,source_main,sources_secondary,rights,legal_article,source_title,source_url,tags,incident_ref',
    );
    const ru = await request(t.server).get('/imports/template.csv?lang=ru').set(t.auth).expect(200);
    expect(ru.text).toContain('дата,точность,страна');
    const xlsx = await request(t.server)
      .get('/imports/template.xlsx?lang=kk')
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
    const query = await request(t.server)
      .post('/exports')
      .set(t.auth)
      .send({ queries: [{ measure: 'threats', groupBy: ['planet'] }] })
      .expect(400);
    expect(query.headers['content-type']).toContain('application/problem+json');
    await request(t.server).get('/jobs/not-a-job').set(t.auth).expect(404);
  });

  it('reports an unreadable file as a problem of the job, not a failure', async () => {
    const started = await request(t.server)
      .post('/imports')
      .set(t.auth)
      .attach('file', Buffer.from('PK\u0003\u0004 broken'), 'broken.xlsx')
      .expect(202);
    const job = await finished(started.body.jobId);
    expect(job.state).toBe('completed');
    expect(job.errors).toEqual([
      { row: null, column: null, value: null, message: 'the file is not a readable XLSX workbook' },
    ]);
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
