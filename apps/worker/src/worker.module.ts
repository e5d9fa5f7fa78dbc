import { DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { SnapshotCommandsModule } from '@app/application/snapshots/snapshot-commands.module';
import { AppConfig } from '@app/config';
import { ExportJobModule } from '@app/exports';
import { ImportJobModule } from '@app/imports';
import { InfrastructureModule } from '@app/infrastructure';
import { apiRunsJobs, JobProcessorsModule, JobsModule } from '@app/jobs';
import { ProtectionModule } from '@app/protection';
import { ReadModelsModule } from '@app/read-models';

/**
 * The worker runs the projections and, when jobs travel on Redis, the job processors with the
 * library modules that do each job's work: the same modules the API composes, without HTTP.
 * Without Redis the API runs the jobs itself from the `jobs` table, and the worker only
 * projects.
 */
@Module({})
export class WorkerModule {
  static forConfig(config: AppConfig): DynamicModule {
    const runsJobs = config.redisUrl !== undefined && !apiRunsJobs(config);
    const imports = runsJobs
      ? [
          InfrastructureModule.forConfig(config),
          ProtectionModule.forConfig(config),
          CqrsModule.forRoot(),
          ReadModelsModule,
          JobsModule.forConfig(config),
          JobProcessorsModule.forConfig(config, [
            ImportJobModule,
            ExportJobModule,
            SnapshotCommandsModule,
          ]),
        ]
      : [InfrastructureModule.forConfig(config), ReadModelsModule];
    return { module: WorkerModule, imports };
  }
}
