import { Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { QUEUE_OF } from '../job-context';
import { BullJobDispatcher, JobDispatcher } from '../job-dispatcher';
import { JobRecords } from '../job-records';
import { MONTHLY_SNAPSHOT_SCHEDULER } from './snapshots.processor';

const EVERY_MS = 3_000;

/**
 * Redis may lose its data (a restart without persistence) or be away when a job is queued:
 * the job records in the database are the truth. Every few seconds, jobs the records call
 * queued or active are added again under their own id (BullMQ ignores an id it holds), and
 * the monthly scheduler is upserted until Redis has taken it.
 */
@Injectable()
export class QueueReconciler implements OnApplicationBootstrap, OnModuleDestroy {
  private timer?: NodeJS.Timeout;
  private schedulerSet = false;
  private busy = false;

  constructor(
    private readonly records: JobRecords,
    private readonly dispatcher: JobDispatcher,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.reconcile(), EVERY_MS);
    this.timer.unref();
    void this.reconcile();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  async reconcile(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      if (!this.schedulerSet && this.dispatcher instanceof BullJobDispatcher) {
        await this.dispatcher
          .queue(QUEUE_OF.snapshot)
          .upsertJobScheduler(
            MONTHLY_SNAPSHOT_SCHEDULER,
            { pattern: '0 0 1 * *', tz: 'UTC' },
            { name: 'snapshot', data: {} },
          );
        this.schedulerSet = true;
      }
      for (const record of await this.records.pending(EVERY_MS / 1000)) {
        await this.dispatcher.dispatch(record);
      }
    } catch {
      // Redis or the database is away: the next round tries again.
    } finally {
      this.busy = false;
    }
  }
}
