import { ChildProcess, spawn } from 'node:child_process';
import { Queue } from 'bullmq';
import request from 'supertest';
import { freePort } from '../../support/api-process';
import { JobApps } from './job-apps';
import { monitoringSheet, sheetCsv } from './monitoring-sheet';

/**
 * Acceptance (issue 5): a real Redis of this test's own (never the shared one) stops and
 * comes back empty. Incidents are recorded meanwhile, starting a job answers 503 naming
 * Redis, and an import queued before the stop completes after: the job records in PostgreSQL
 * are the truth, and Redis is refilled from them.
 */
describe('Redis goes down and comes back', () => {
  let port: number;
  let redis: ChildProcess | undefined;
  let apps: JobApps;

  const startRedis = async () => {
    redis = spawn('redis-server', ['--port', String(port), '--save', '', '--appendonly', 'no'], {
      stdio: 'ignore',
    });
    await new Promise((r) => setTimeout(r, 300));
  };
  const stopRedis = async () => {
    const r = redis!;
    const exited = new Promise((done) => r.once('exit', done));
    r.kill('SIGKILL');
    await exited;
    redis = undefined;
  };

  beforeAll(async () => {
    port = await freePort();
    await startRedis();
    apps = await JobApps.create(`redis://127.0.0.1:${port}`);
    await apps.startApi();
  }, 60_000);
  afterAll(async () => {
    await apps?.close();
    redis?.kill('SIGKILL');
  });

  it('records incidents while Redis is down, answers 503 for jobs, and runs the queued import after', async () => {
    const sheet = monitoringSheet(60);
    // Queued while no worker runs: it waits in Redis.
    const queued = await request(apps.server)
      .post('/imports')
      .set(apps.auth)
      .field('dryRun', 'false')
      .attach('file', sheetCsv(sheet.rows), 'small.csv')
      .expect(202);
    await request(apps.server)
      .get(`/jobs/${queued.body.jobId}`)
      .set(apps.auth)
      .expect(200, /"state":"queued"/);

    await stopRedis();
    await request(apps.server)
      .post('/incidents')
      .set(apps.auth)
      .send({
        title: 'Recorded while Redis is down',
        country: 'KZ',
        occurred: { date: '2020-02', precision: 'month' },
        type: 'detention',
      })
      .expect(201);
    const refused = await request(apps.server)
      .post('/imports')
      .set(apps.auth)
      .attach('file', sheetCsv(sheet.rows.slice(0, 5)), 'other.csv')
      .expect(503);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.body.detail).toMatch(/Redis/);
    await request(apps.server)
      .get(`/jobs/${queued.body.jobId}`)
      .set(apps.auth)
      .expect(200, /"state":"queued"/);

    // Back, and empty: the worker finds the queued job in the job records.
    await startRedis();
    await apps.startWorker();
    const job = await apps.finished(queued.body.jobId, 30_000);
    expect(job.state).toBe('completed');
    expect(job.result.recorded.acts).toBe(sheet.expected.acts);
    let total = -1;
    for (let i = 0; i < 100 && total !== sheet.expected.acts; i++) {
      await new Promise((r) => setTimeout(r, 100));
      total = (await request(apps.server).get('/stats?measure=acts').set(apps.auth).expect(200))
        .body.total;
    }
    expect(total).toBe(sheet.expected.acts);
  });

  it('on shutdown, the worker releases its import, and the next worker finishes it without doubling', async () => {
    const before = (
      await request(apps.server).get('/stats?measure=acts').set(apps.auth).expect(200)
    ).body.total as number;
    const sheet = monitoringSheet(1_500);
    const started = await request(apps.server)
      .post('/imports')
      .set(apps.auth)
      .attach(
        'file',
        sheetCsv(sheet.rows.map((r) => ({ ...r, incident_ref: `S-${r.incident_ref}` }))),
        'big.csv',
      )
      .expect(202);
    const jobId = started.body.jobId as string;
    for (let i = 0; i < 300; i++) {
      const res = await request(apps.server).get(`/jobs/${jobId}`).set(apps.auth).expect(200);
      if (res.body.state === 'active' && res.body.progress >= 5) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    // What SIGTERM does: the app closes (enableShutdownHooks), the running job is released.
    await apps.worker!.close();
    const released = await request(apps.server).get(`/jobs/${jobId}`).set(apps.auth).expect(200);
    expect(released.body.state).toBe('queued');
    expect(released.body.progress).toBeLessThan(100);

    await apps.startWorker();
    const job = await apps.finished(jobId, 60_000);
    expect(job.state).toBe('completed');
    expect(job.result.recorded.acts + job.result.alreadyImported.acts).toBe(sheet.expected.acts);
    expect(job.result.alreadyImported.acts).toBeGreaterThan(0);
    let total = -1;
    for (let i = 0; i < 100 && total !== before + sheet.expected.acts; i++) {
      await new Promise((r) => setTimeout(r, 100));
      total = (await request(apps.server).get('/stats?measure=acts').set(apps.auth).expect(200))
        .body.total;
    }
    expect(total).toBe(before + sheet.expected.acts);
  });

  it('has the monthly draft-snapshot scheduler in Redis: 00:00 UTC on the first of each month', async () => {
    const queue = new Queue('snapshots', {
      connection: { host: '127.0.0.1', port, maxRetriesPerRequest: null },
      prefix: apps.prefix,
    });
    try {
      let scheduler = await queue.getJobScheduler('monthly-draft-snapshot');
      for (let i = 0; i < 50 && scheduler === undefined; i++) {
        await new Promise((r) => setTimeout(r, 100));
        scheduler = await queue.getJobScheduler('monthly-draft-snapshot');
      }
      expect(scheduler).toMatchObject({ pattern: '0 0 1 * *', tz: 'UTC' });
    } finally {
      await queue.close();
    }
  });
});
