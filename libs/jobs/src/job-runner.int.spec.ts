import { randomUUID } from 'node:crypto';
import { SqlClient } from '@app/database';
import { sqlBackends } from '../../../test/support/sql-backends';
import { JobContext, JobFailed, JobReleased, JobWork } from './job-context';
import { JobRecord } from './job-records';
import { JOB_TYPES, JobRecords } from './job-records';
import { JobRunner } from './job-runner';

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
});
