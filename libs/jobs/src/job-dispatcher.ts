import {
  Inject,
  Injectable,
  Logger,
  OnApplicationShutdown,
  ServiceUnavailableException,
} from '@nestjs/common';
import { ConnectionOptions, Queue } from 'bullmq';
import { APP_CONFIG, AppConfig } from '@app/config';
import { JOBS_OPTIONS, JobsOptions, redisConnection } from './jobs-options';
import { QUEUE_OF } from './job-context';
import { JobRecord, JobRecords, JobType } from './job-records';

/** How many starts a job gets on BullMQ (the job record counts them: job-runner.ts). */
export const JOB_ATTEMPTS = 3;

/** Starting a job needs its carrier: 503 naming it. */
export class JobsUnavailable extends ServiceUnavailableException {
  constructor() {
    super(
      'Redis (the job queue) is unavailable, so no job can be started now. Recording incidents ' +
        'still works; retry in a moment.',
    );
  }
}

/** Hands a recorded job to whatever carries jobs to their processors. */
export abstract class JobDispatcher {
  /** Idempotent: dispatching a job already queued changes nothing. Throws JobsUnavailable. */
  abstract dispatch(record: JobRecord): Promise<void>;
}

const ADD_TIMEOUT_MS = 2_000;

/**
 * BullMQ on Redis: the job id is the record's, so a second add of one job is ignored. Queues
 * open on first use: an API that starts no job never writes to Redis.
 */
@Injectable()
export class BullJobDispatcher extends JobDispatcher implements OnApplicationShutdown {
  private readonly logger = new Logger('Jobs');
  private readonly queues = new Map<string, Queue>();
  private down = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(JOBS_OPTIONS) private readonly options: JobsOptions,
  ) {
    super();
  }

  queue(name: string): Queue {
    let queue = this.queues.get(name);
    if (queue === undefined) {
      queue = new Queue(name, {
        connection: redisConnection(this.config.redisUrl!) as ConnectionOptions,
        prefix: this.options.prefix,
      });
      // Without a listener BullMQ prints every failed reconnection; /health reports Redis instead.
      queue.on('error', () => {
        if (!this.down) this.logger.warn('Redis is unreachable: jobs wait until it is back');
        this.down = true;
      });
      this.queues.set(name, queue);
    }
    return queue;
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([...this.queues.values()].map((q) => q.close()));
  }

  async dispatch(record: JobRecord): Promise<void> {
    const queue = this.queue(QUEUE_OF[record.type]);
    let timer: NodeJS.Timeout | undefined;
    const add = async () => {
      const held = await queue.getJob(record.id);
      if (held !== undefined && (await held.isFailed())) return held.retry();
      return queue.add(
        record.type,
        { jobId: record.id },
        {
          jobId: record.id,
          attempts: JOB_ATTEMPTS,
          backoff: { type: 'exponential', delay: 5_000 },
          // Kept a while so that a repeated add of a finished job stays a no-op; the job
          // record in the database keeps the result for good.
          removeOnComplete: { age: 24 * 3600 },
          removeOnFail: { age: 7 * 24 * 3600 },
        },
      );
    };
    try {
      await Promise.race([
        add(),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error('timeout')), ADD_TIMEOUT_MS);
        }),
      ]);
      // Redis answered: the next outage is worth a log line again.
      this.down = false;
    } catch {
      throw new JobsUnavailable();
    } finally {
      clearTimeout(timer);
    }
  }
}

/** Without Redis the `jobs` table is the queue: dispatching wakes this process's runner. */
@Injectable()
export class TableJobDispatcher extends JobDispatcher {
  private readonly listeners = new Set<() => void>();

  onDispatch(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  dispatch(): Promise<void> {
    for (const listener of this.listeners) listener();
    return Promise.resolve();
  }
}

/**
 * Records a job (unless its id exists: the same input is the same job) and dispatches it. A
 * failed job is queued again: starting it again is how a client retries. When the carrier is
 * down nothing stays behind (503), so the client's later retry starts afresh.
 */
export async function startJob(
  records: JobRecords,
  dispatcher: JobDispatcher,
  job: {
    id: string;
    workspaceId: string;
    type: JobType;
    input: Record<string, unknown>;
    keepSeconds?: number;
  },
): Promise<JobRecord> {
  const { record, created } = await records.create(job);
  const retried = record.state === 'failed' ? await records.retryFailed(job.id) : undefined;
  const current = retried ?? record;
  if (current.state !== 'queued') return current;
  try {
    await dispatcher.dispatch(current);
  } catch (error) {
    if (created) await records.remove(job.id);
    throw error;
  }
  return current;
}
