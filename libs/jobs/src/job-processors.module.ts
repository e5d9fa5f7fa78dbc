import { BullModule, Processor } from '@nestjs/bullmq';
import { DynamicModule, Logger, Module, ModuleMetadata } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { QUEUE_OF } from './job-context';
import { JOB_ATTEMPTS } from './job-dispatcher';
import { JobRecords } from './job-records';
import { JobRunner } from './job-runner';
import { ExitWhenWedged, JobWatchdog } from './job-watchdog';
import { ExportsProcessor } from './processors/exports.processor';
import { ImportsProcessor } from './processors/imports.processor';
import { QueueReconciler } from './processors/queue-reconciler';
import { SnapshotsProcessor } from './processors/snapshots.processor';
import { TableQueueRunner } from './processors/table-queue.runner';

/**
 * Runs jobs in this process: BullMQ processors on Redis, or the table queue without it. The
 * API has it in embedded mode or without Redis; the worker when jobs travel on Redis. `works`
 * are the modules that provide each type's JobWork under its JOB_WORK token: the same
 * library modules in either process.
 */
@Module({})
export class JobProcessorsModule {
  static forConfig(
    config: AppConfig,
    works: NonNullable<ModuleMetadata['imports']>,
  ): DynamicModule {
    if (config.redisUrl !== undefined) configureWorkers(config);
    return {
      module: JobProcessorsModule,
      imports: [
        ...works,
        // Registered here, where the workers are: @nestjs/bullmq starts workers for the
        // processors of registered queues.
        ...(config.redisUrl === undefined
          ? []
          : [BullModule.registerQueue(...Object.values(QUEUE_OF).map((name) => ({ name })))]),
      ],
      providers: [
        ...(config.redisUrl === undefined
          ? [TableQueueRunner]
          : [ImportsProcessor, ExportsProcessor, SnapshotsProcessor, QueueReconciler]),
        {
          // Wedged, the table queue restarts its loop (the API serves on meanwhile); a process
          // taking jobs from Redis exits for its supervisor to restart it.
          provide: JobWatchdog,
          inject: [JobRecords, JobRunner, { token: TableQueueRunner, optional: true }],
          useFactory: (records: JobRecords, runner: JobRunner, queue?: TableQueueRunner) =>
            new JobWatchdog(
              records,
              runner,
              config.jobStallSeconds,
              queue !== undefined
                ? { respond: (reason) => restartTableQueue(queue, reason) }
                : new ExitWhenWedged(config.redisUrl!),
            ),
        },
      ],
    };
  }
}

/**
 * Each BullMQ processor's worker options, set before @nestjs/bullmq reads them (at module
 * init) because the lock comes from the configuration. A worker that dies mid-job holds it
 * until its lock runs out; the job then goes back to the queue. BullMQ would fail a job that
 * stalled twice with its own message; allowed as many stalls as the job has starts, it leaves
 * the count to the job record, and the runner ends the job as failed at its next start,
 * saying the job stopped the worker that many times.
 */
function configureWorkers(config: AppConfig): void {
  const held = {
    lockDuration: config.jobLockSeconds * 1000,
    stalledInterval: config.jobLockSeconds * 1000,
    maxStalledCount: JOB_ATTEMPTS,
  };
  // One import at a time per worker: each already records several incidents at once.
  Processor(QUEUE_OF.import, { concurrency: 1, ...held })(ImportsProcessor);
  Processor(QUEUE_OF.export, { concurrency: 2, ...held })(ExportsProcessor);
  Processor(QUEUE_OF.snapshot, { concurrency: 1, ...held })(SnapshotsProcessor);
}

function restartTableQueue(queue: TableQueueRunner, reason: string): Promise<void> {
  new Logger('Jobs').warn(`job watchdog: ${reason}; restarting the job queue runner`);
  return queue.restart();
}

/** Whether the API process runs jobs itself: embedded mode, or no Redis to hand them over. */
export function apiRunsJobs(config: AppConfig): boolean {
  return config.mode === 'embedded' || config.redisUrl === undefined;
}
