import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { ExportsModule } from '../../api/src/exports/exports.module';
import { ImportsModule } from '../../api/src/imports/imports.module';
import { QUEUE_OF } from '../../api/src/jobs/job-context';
import { MonthlySnapshotJob } from '../../api/src/jobs/monthly-snapshot/monthly-snapshot.job';
import { ExportsProcessor } from './processors/exports.processor';
import { ImportsProcessor } from './processors/imports.processor';
import { QueueReconciler } from './processors/queue-reconciler';
import { SnapshotsProcessor } from './processors/snapshots.processor';
import { TableQueueRunner } from './processors/table-queue.runner';

/**
 * Runs jobs in this process: BullMQ processors on Redis, or the table queue without it. The
 * API has it in embedded mode or without Redis; the worker when jobs travel on Redis.
 */
@Module({})
export class JobProcessorsModule {
  static forConfig(config: AppConfig): DynamicModule {
    return {
      module: JobProcessorsModule,
      imports: [
        ImportsModule,
        ExportsModule,
        // Registered here, where the workers are: @nestjs/bullmq starts workers for the
        // processors of registered queues.
        ...(config.redisUrl === undefined
          ? []
          : [BullModule.registerQueue(...Object.values(QUEUE_OF).map((name) => ({ name })))]),
      ],
      providers: [
        MonthlySnapshotJob,
        ...(config.redisUrl === undefined
          ? [TableQueueRunner]
          : [ImportsProcessor, ExportsProcessor, SnapshotsProcessor, QueueReconciler]),
      ],
    };
  }
}

/** Whether the API process runs jobs itself: embedded mode, or no Redis to hand them over. */
export function apiRunsJobs(config: AppConfig): boolean {
  return config.mode === 'embedded' || config.redisUrl === undefined;
}
