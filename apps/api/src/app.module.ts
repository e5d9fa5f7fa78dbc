import { DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AuthModule } from '@app/auth';
import { AppConfig } from '@app/config';
import { InfrastructureModule } from '@app/infrastructure';
import { ProtectionModule } from '@app/protection';
import { ReadModelsModule } from '@app/read-models';
import { HealthModule } from './health/health.module';
import { OrganisationsModule } from './organisations/organisations.module';
import { PersonsModule } from './persons/persons.module';
import { VocabulariesModule } from './vocabularies/vocabularies.module';
import { EvidenceModule } from './evidence/evidence.module';
import { IncidentsModule } from './incidents/incidents.module';
import { ListIncidentsModule } from './incidents/list-incidents/list-incidents.module';
import { ExportIncidentsModule } from './incidents/export-incidents/export-incidents.module';
import { ProjectionsModule } from './projections/projections.module';
import { StatisticsModule } from './statistics/statistics.module';
import { SnapshotsModule } from './snapshots/snapshots.module';
import { StatsLagModule } from './statistics/stats-lag/stats-lag.module';
import { WhoAmIModule } from './who-am-i/who-am-i.module';
import { PublicStatsModule } from './public-stats/public-stats.module';
import { WorkspacePublicityModule } from './workspace-publicity/workspace-publicity.module';
import { WorkspaceTagsModule } from './workspace-tags/workspace-tags.module';
import { ExportJobModule } from '@app/exports';
import { ImportJobModule } from '@app/imports';
import { apiRunsJobs, JobProcessorsModule, JobsModule } from '@app/jobs';
import { SnapshotCommandsModule } from '@app/application/snapshots/snapshot-commands.module';
import { JobsHttpModule } from './jobs/jobs-http.module';
import { ImportsModule } from './imports/imports.module';
import { ExportsModule } from './exports/exports.module';
import { AuditModule } from './audit/audit.module';
import { SecurityModule } from './security/security.module';
import { TokensModule } from './tokens/tokens.module';
import { WorkspacesModule } from './workspaces/workspaces.module';
import { SignInModule } from './sign-in/sign-in.module';
import { InvitationsModule } from './invitations/invitations.module';
import { ReferenceFiguresModule } from './reference-figures/reference-figures.module';
import { BackupsModule } from './backups/backups.module';

@Module({})
export class AppModule {
  /** The module graph depends on the configuration (which database, which event store). */
  static forConfig(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        InfrastructureModule.forConfig(config),
        ProtectionModule.forConfig(config),
        CqrsModule.forRoot(),
        AuthModule,
        // After AuthModule: its rate limits per user need the bearer guard's actor.
        SecurityModule,
        AuditModule,
        WorkspacesModule,
        SignInModule,
        InvitationsModule,
        TokensModule,
        ReadModelsModule,
        HealthModule,
        ExportIncidentsModule,
        IncidentsModule,
        EvidenceModule,
        WhoAmIModule,
        PersonsModule,
        OrganisationsModule,
        VocabulariesModule,
        SnapshotsModule,
        StatsLagModule,
        ListIncidentsModule,
        StatisticsModule,
        ProjectionsModule,
        WorkspacePublicityModule,
        WorkspaceTagsModule,
        PublicStatsModule,
        JobsModule.forConfig(config),
        JobsHttpModule,
        ImportsModule,
        ExportsModule,
        ...(apiRunsJobs(config)
          ? [
              JobProcessorsModule.forConfig(config, [
                ImportJobModule,
                ExportJobModule,
                SnapshotCommandsModule,
              ]),
            ]
          : []),
        ReferenceFiguresModule,
        BackupsModule,
      ],
    };
  }
}
