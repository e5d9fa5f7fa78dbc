import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { InfrastructureModule } from '@app/infrastructure';
import { ReadModelsModule } from '@app/read-models';
import { AppModule } from '../../api/src/app.module';
import { apiRunsJobs, JobProcessorsModule } from './job-processors.module';

/**
 * The worker runs the projections and, when jobs travel on Redis, the job processors with
 * the application's commands and queries (the API's modules, without HTTP). Without Redis the
 * API runs the jobs itself from the `jobs` table, and the worker only projects.
 */
@Module({})
export class WorkerModule {
  static forConfig(config: AppConfig): DynamicModule {
    const imports =
      config.redisUrl === undefined
        ? [InfrastructureModule.forConfig(config), ReadModelsModule]
        : [
            AppModule.forConfig(config),
            ...(apiRunsJobs(config) ? [] : [JobProcessorsModule.forConfig(config)]),
          ];
    return { module: WorkerModule, imports };
  }
}
