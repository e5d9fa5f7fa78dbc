import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { InfrastructureModule } from '@app/infrastructure';
import { ReadModelsModule } from '@app/read-models';

@Module({})
export class WorkerModule {
  static forConfig(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [InfrastructureModule.forConfig(config), ReadModelsModule],
    };
  }
}
