import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnModuleDestroy,
} from '@nestjs/common';
import { JOB_WORK, JobWork } from '../job-context';
import { JobDispatcher, TableJobDispatcher } from '../job-dispatcher';
import { JOB_TYPES, JobRecords, JobType } from '../job-records';
import { JobRunner } from '../job-runner';
import { monthlySnapshotJobId, previousMonth } from '../monthly-schedule';

const IDLE_POLL_MS = 1_000;
const MAX_ATTEMPTS = 3;
const RETRY_PAUSE_MS = 5_000;

/**
 * Without Redis, the `jobs` table is the queue: this process claims the oldest queued job (or
 * one whose runner died: its lease ran out) with FOR UPDATE SKIP LOCKED, runs it through the
 * same JobWork classes as the BullMQ processors, and looks again. Jobs survive restarts; a
 * shutdown releases the running one back to queued. On the first day of a month (UTC) it
 * queues the month's draft snapshots, like the BullMQ scheduler.
 */
@Injectable()
export class TableQueueRunner implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Jobs');
  private readonly works: Readonly<Record<JobType, JobWork>>;
  private stopped = false;
  private failing = false;
  private wake?: () => void;
  private loop?: Promise<void>;
  private unsubscribe?: () => void;
  /** Which loop is the current one: a loop a restart replaced ends at its next turn. */
  private generation = 0;

  constructor(
    private readonly records: JobRecords,
    private readonly runner: JobRunner,
    dispatcher: JobDispatcher,
    @Inject(JOB_WORK.import) imports: JobWork,
    @Inject(JOB_WORK.export) exports: JobWork,
    @Inject(JOB_WORK.snapshot) snapshots: JobWork,
  ) {
    this.works = { import: imports, export: exports, snapshot: snapshots };
    if (dispatcher instanceof TableJobDispatcher) {
      this.unsubscribe = dispatcher.onDispatch(() => this.wake?.());
    }
  }

  onApplicationBootstrap(): void {
    this.loop = this.run(this.generation);
  }

  /**
   * The watchdog found this process taking no job while jobs wait (job-watchdog.ts): a new loop
   * starts claiming now. The old one may be stuck in a job that never returns; if it ever does,
   * it ends there. Its job is claimed again once its lease runs out (a start counted, as after
   * a crash), so a job that wedges every time ends failed after its attempts.
   */
  restart(): Promise<void> {
    this.generation += 1;
    this.wake?.();
    this.loop = this.run(this.generation);
    return Promise.resolve();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    this.unsubscribe?.();
    this.wake?.();
    await this.loop;
  }

  private async run(generation: number): Promise<void> {
    while (!this.stopped && !this.runner.stopping && generation === this.generation) {
      let pause: number | undefined = IDLE_POLL_MS;
      try {
        await this.scheduleMonthlySnapshot();
        const record = await this.records.claim(JOB_TYPES);
        if (record !== undefined) {
          const end = await this.runner.run(record.id, this.works[record.type], {
            claimed: record,
            finalAttempt: record.attempts >= MAX_ATTEMPTS,
            attemptLimit: MAX_ATTEMPTS,
          });
          // A failed attempt waits before the next claim: whatever failed may need a moment.
          pause = end === 'retry' ? RETRY_PAUSE_MS : undefined;
        }
        this.failing = false;
      } catch (error) {
        // Once per outage: the database being away is /health's news, not a line a second.
        if (!this.failing) {
          this.logger.warn(`job queue: ${error instanceof Error ? error.name : 'error'}; retrying`);
        }
        this.failing = true;
      }
      // A shutdown that came while this turn claimed or ran found no wait to cut short.
      if (generation !== this.generation || this.stopped) return;
      if (pause !== undefined) await this.idle(pause);
    }
  }

  private idle(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }

  private async scheduleMonthlySnapshot(): Promise<void> {
    const now = new Date();
    if (now.getUTCDate() !== 1) return;
    const month = previousMonth(now);
    await this.records.create({
      id: monthlySnapshotJobId(month),
      workspaceId: null,
      type: 'snapshot',
      input: { month },
    });
  }
}
