import { DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AppConfig } from '@app/config';
import { InfrastructureModule } from '@app/infrastructure';
import { HealthModule } from './health/health.module';

@Module({})
export class AppModule {
  /** The module graph depends on the configuration (which database, which event store). */
  static forConfig(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [InfrastructureModule.forConfig(config), CqrsModule.forRoot(), HealthModule],
    };
  }
}
