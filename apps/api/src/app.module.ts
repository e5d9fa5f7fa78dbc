import { DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AuthModule } from '@app/auth';
import { AppConfig } from '@app/config';
import { InfrastructureModule } from '@app/infrastructure';
import { ReadModelsModule } from '@app/read-models';
import { HealthModule } from './health/health.module';
import { OrganisationsModule } from './organisations/organisations.module';
import { PersonsModule } from './persons/persons.module';
import { VocabulariesModule } from './vocabularies/vocabularies.module';
import { IncidentsModule } from './incidents/incidents.module';
import { ListIncidentsModule } from './incidents/list-incidents/list-incidents.module';
import { ProjectionsModule } from './projections/projections.module';
import { StatisticsModule } from './statistics/statistics.module';
import { SnapshotsModule } from './snapshots/snapshots.module';
import { StatsLagModule } from './statistics/stats-lag/stats-lag.module';
import { WhoAmIModule } from './who-am-i/who-am-i.module';

@Module({})
export class AppModule {
  /** The module graph depends on the configuration (which database, which event store). */
  static forConfig(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        InfrastructureModule.forConfig(config),
        CqrsModule.forRoot(),
        AuthModule,
        ReadModelsModule,
        HealthModule,
        IncidentsModule,
        WhoAmIModule,
        PersonsModule,
        OrganisationsModule,
        VocabulariesModule,
        SnapshotsModule,
        StatsLagModule,
        ListIncidentsModule,
        StatisticsModule,
        ProjectionsModule,
      ],
    };
  }
}
