import { randomUUID } from 'node:crypto';
import { SqlClient } from '@app/database';
import { sqlBackends } from '../../../test/support/sql-backends';
import { JobContext, JobFailed, JobReleased, JobWork } from './job-context';
import { JobRecord } from './job-records';
import { JOB_TYPES, JobRecords } from './job-records';
import { JobRunner } from './job-runner';
import { JobWatchdog } from './job-watchdog';
import { TableJobDispatcher } from './job-dispatcher';
import { TableQueueRunner } from './processors/table-queue.runner';

const LIMIT = 3;

/** A job's work that counts its runs and does what the test says. */
function work(behaviour: (context: JobContext) => Promise<void>): JobWork & { runs: number } {
  const counted = {
    type: 'import' as const,
    runs: 0,
    async run(context: JobContext) {
      counted.runs += 1;
      await behaviour(context);
      return { result: { ok: true }, errors: [] };
    },
  };
  return counted;
}

describe.each(sqlBackends('jobrun'))('JobRunner on %s', (_name, open) => {
  let sql: SqlClient;
  let close: () => Promise<void>;
  let records: JobRecords;
  let runner: JobRunner;

  beforeAll(async () => {
    ({ sql, close } = await open());
    await JobRecords.migrate(sql);
    records = new JobRecords(sql);
  });
  afterAll(() => close());
  beforeEach(() => {
    runner = new JobRunner(records);
  });

  async function queued(): Promise<string> {
    const id = `import-${randomUUID()}`;
    await records.create({ id, workspaceId: null, type: 'import', input: {} });
    return id;
  }

  /** What a process that died mid-job leaves: the job claimed, active, its lease run out. */
  async function claimAndDie(id: string): Promise<void> {
    const claimed = await records.claim(JOB_TYPES);
    expect(claimed?.id).toBe(id);
    await sql.query(`UPDATE jobs SET locked_until = now() - interval '1 second' WHERE id = $1`, [
      id,
    ]);
  }

  const claimAndRun = async (job: JobWork) => {
    const record = await records.claim(JOB_TYPES);
    if (record === undefined) throw new Error('nothing to claim');
    return runner.run(record.id, job, {
      claimed: record,
      finalAttempt: record.attempts >= LIMIT,
      attemptLimit: LIMIT,
    });
  };

  it('ends a job that stopped its process three times as failed, without running it again', async () => {
    const id = await queued();
    for (let i = 0; i < LIMIT; i += 1) await claimAndDie(id);
    const job = work(async () => undefined);

    expect(await claimAndRun(job)).toBe('failed');
    expect(job.runs).toBe(0);
    const record = await records.get(id);
    expect(record?.state).toBe('failed');
    expect(record?.errors).toEqual([
      {
        message: expect.stringMatching(
          /^The job stopped the worker 3 times before it could finish/,
        ),
      },
    ]);
    // Nothing left to claim: the job no longer comes back at each restart.
    expect(await records.claim(JOB_TYPES)).toBeUndefined();
  });

  it('still runs a job that stopped its process fewer times than the limit', async () => {
    const id = await queued();
    await claimAndDie(id);
    await claimAndDie(id);
    const job = work(async () => undefined);

    expect(await claimAndRun(job)).toBe('done');
    expect(job.runs).toBe(1);
    expect((await records.get(id))?.state).toBe('completed');
  });

  it('does not count a start that a shutdown released', async () => {
    const id = await queued();
    const releasing = work(async () => {
      throw new JobReleased();
    });
    for (let i = 0; i < LIMIT + 1; i += 1) expect(await claimAndRun(releasing)).toBe('released');
    expect((await records.get(id))?.attempts).toBe(0);

    const job = work(async () => undefined);
    expect(await claimAndRun(job)).toBe('done');
    expect(job.runs).toBe(1);
  });

  it('fails a job that throws at its last attempt with the error name, not as poisoned', async () => {
    const id = await queued();
    const throwing = work(async () => {
      throw new RangeError('quoted input');
    });
    expect(await claimAndRun(throwing)).toBe('retry');
    expect(await claimAndRun(throwing)).toBe('retry');
    expect(await claimAndRun(throwing)).toBe('failed');
    expect(throwing.runs).toBe(3);
    expect((await records.get(id))?.errors).toEqual([
      { message: 'The job failed (RangeError). Start it again to retry.' },
    ]);
  });

  it('fails at once, with the reasons given, a job whose input cannot be worked; ends it once', async () => {
    const id = await queued();
    const ended: string[] = [];
    const refusing = {
      ...work(async () => {
        throw new JobFailed([{ row: null, message: 'the sheet has more than 100000 rows' }]);
      }),
      ended: async (record: JobRecord) => void ended.push(record.id),
    };
    expect(await claimAndRun(refusing)).toBe('failed');
    expect(await records.get(id)).toMatchObject({
      state: 'failed',
      errors: [{ row: null, message: 'the sheet has more than 100000 rows' }],
    });
    expect(ended).toEqual([id]);
    // A retry (no end) and a completion (an end) of another job.
    const other = await queued();
    let calls = 0;
    const flaky = {
      ...work(async () => {
        if ((calls += 1) === 1) throw new RangeError('once');
      }),
      ended: async (record: JobRecord) => void ended.push(record.id),
    };
    expect(await claimAndRun(flaky)).toBe('retry');
    expect(await claimAndRun(flaky)).toBe('done');
    expect(ended).toEqual([id, other]);
  });

  describe('the watchdog of the table queue (embedded mode)', () => {
    const STALL_SECONDS = 1;
    const until = async (what: () => Promise<boolean>, ms = 10_000) => {
      for (const end = Date.now() + ms; !(await what());) {
        if (Date.now() > end) throw new Error('timed out');
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    const stateOf = async (id: string) => (await records.get(id))?.state;

    it('restarts the runner when jobs wait and it took no step: the next job runs', async () => {
      const first = await queued();
      const second = await queued();
      // A step that never returns (a hung query, a thread that never answers) wedges the loop.
      let unblock!: () => void;
      const hung = new Promise<void>((resolve) => (unblock = resolve));
      const ran: string[] = [];
      const jobs = work(async (context) => {
        ran.push(context.record.id);
        if (context.record.id === first) await hung;
      });
      const queue = new TableQueueRunner(
        records,
        runner,
        new TableJobDispatcher(),
        jobs,
        jobs,
        jobs,
      );
      const reasons: string[] = [];
      const watchdog = new JobWatchdog(records, runner, STALL_SECONDS, {
        respond: (reason) => {
          reasons.push(reason);
          return queue.restart();
        },
      });
      queue.onApplicationBootstrap();
      watchdog.onApplicationBootstrap();
      try {
        await until(async () => ran.includes(first));
        expect(await watchdog.check()).toBe(false); // not before the limit
        expect(await stateOf(second)).toBe('queued');

        await until(async () => (await stateOf(second)) === 'completed');
        expect(reasons).toEqual([
          expect.stringMatching(/^2 job\(s\) waited \d+ s with no step and this process took none/),
        ]);
        expect(await stateOf(first)).toBe('active');
      } finally {
        watchdog.onModuleDestroy();
        unblock();
        await until(async () => (await stateOf(first)) === 'completed');
        await queue.onModuleDestroy();
      }
      // The replaced loop finished its job and ended: each job ran once.
      expect(ran.sort()).toEqual([first, second].sort());
    });

    it('leaves a runner alone while its job steps, however long others wait', async () => {
      const busy = await queued();
      const waiting = await queued();
      const jobs = work(async (context) => {
        if (context.record.id !== busy) return;
        for (let p = 1; p <= 8; p++) {
          await new Promise((r) => setTimeout(r, 250));
          await context.progress(p * 10);
        }
      });
      const queue = new TableQueueRunner(
        records,
        runner,
        new TableJobDispatcher(),
        jobs,
        jobs,
        jobs,
      );
      const responses: string[] = [];
      const watchdog = new JobWatchdog(records, runner, STALL_SECONDS, {
        respond: async (reason) => void responses.push(reason),
      });
      queue.onApplicationBootstrap();
      try {
        await until(async () => (await stateOf(busy)) === 'active');
        await new Promise((r) => setTimeout(r, STALL_SECONDS * 1000 + 200));
        // The second job has waited past the limit, but this process is stepping its first.
        expect((await records.stalled(STALL_SECONDS)).jobs).toBeGreaterThan(0);
        expect(await watchdog.check()).toBe(false);
        await until(async () => (await stateOf(waiting)) === 'completed');
      } finally {
        await queue.onModuleDestroy();
      }
      expect(responses).toEqual([]);
    });
  });
});
