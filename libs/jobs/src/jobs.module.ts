import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Global, Module } from '@nestjs/common';
import { ConnectionOptions } from 'bullmq';
import { AppConfig } from '@app/config';
import { SQL_CLIENT, SqlClient } from '@app/database';
import { BullJobDispatcher, JobDispatcher, TableJobDispatcher } from './job-dispatcher';
import { JobRecords } from './job-records';
import { JobRunner } from './job-runner';
import { JOBS_OPTIONS, JobsOptions, JobsOptionsModule, redisConnection } from './jobs-options';

/**
 * Jobs: their records and how they are dispatched. With REDIS_URL jobs travel on
 * BullMQ queues (the processors' workers take their connection from the shared BullMQ
 * configuration; the dispatcher opens its queues on first use); without it, the `jobs` table
 * is the queue. Which process runs them is the
 * JobProcessorsModule's business (apps/worker).
 */
@Global()
@Module({})
export class JobsModule {
  static forConfig(config: AppConfig): DynamicModule {
    const redisUrl = config.redisUrl;
    const bull =
      redisUrl === undefined
        ? []
        : [
            BullModule.forRootAsync({
              imports: [JobsOptionsModule],
              inject: [JOBS_OPTIONS],
              useFactory: (options: JobsOptions) => ({
                // The processors' workers: they wait for a reconnection (see redisConnection).
                connection: redisConnection(redisUrl, { failFast: false }) as ConnectionOptions,
                prefix: options.prefix,
              }),
            }),
          ];
    return {
      module: JobsModule,
      imports: [JobsOptionsModule, ...bull],
      providers: [
        {
          provide: JobRecords,
          inject: [SQL_CLIENT],
          useFactory: async (sql: SqlClient) => {
            await JobRecords.migrate(sql);
            return new JobRecords(sql);
          },
        },
        JobRunner,
        redisUrl === undefined
          ? { provide: JobDispatcher, useClass: TableJobDispatcher }
          : { provide: JobDispatcher, useClass: BullJobDispatcher },
      ],
      exports: [JobRecords, JobRunner, JobDispatcher, JobsOptionsModule, ...bull],
    };
  }
}
