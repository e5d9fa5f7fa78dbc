import { Module } from '@nestjs/common';
import { StatisticsQueriesModule } from '@app/read-models/statistics/statistics-queries.module';
import { commandExecutorProvider } from '@app/application/command-executor.provider';
import { AddPerpetratorHttpController } from './add-perpetrator/add-perpetrator.http.controller';
import { AddTargetHttpController } from './add-target/add-target.http.controller';
import { AttachSourceHttpController } from './attach-source/attach-source.http.controller';
import { ChangeIncidentHandler } from './change-incident.handler';
import { CorrectIncidentHttpController } from './correct-incident/correct-incident.http.controller';
import { GetIncidentHandler } from './get-incident/get-incident.handler';
import { GetIncidentHttpController } from './get-incident/get-incident.http.controller';
import { IncidentHistoryHandler } from './incident-history/incident-history.handler';
import { IncidentHistoryHttpController } from './incident-history/incident-history.http.controller';
import { IncidentTargets } from '@app/application/incidents/incident-targets';
import { MarkDuplicateHttpController } from './mark-duplicate/mark-duplicate.http.controller';
import { RedactIncidentHandler } from './redact-incident/redact-incident.handler';
import { RedactIncidentHttpController } from './redact-incident/redact-incident.http.controller';
import { RecordOutcomeHttpController } from './record-outcome/record-outcome.http.controller';
import { ReportIncidentHandler } from '@app/application/incidents/report-incident.handler';
import { ReportIncidentHttpController } from './report-incident/report-incident.http.controller';
import { RetractIncidentHttpController } from './retract-incident/retract-incident.http.controller';
import { VerifyIncidentHttpController } from './verify-incident/verify-incident.http.controller';

@Module({
  // ProjectionFreshness: a redaction waits for the projection before compacting its tables.
  imports: [StatisticsQueriesModule],
  controllers: [
    ReportIncidentHttpController,
    GetIncidentHttpController,
    IncidentHistoryHttpController,
    CorrectIncidentHttpController,
    AddTargetHttpController,
    AddPerpetratorHttpController,
    AttachSourceHttpController,
    RecordOutcomeHttpController,
    VerifyIncidentHttpController,
    RetractIncidentHttpController,
    MarkDuplicateHttpController,
    RedactIncidentHttpController,
  ],
  providers: [
    commandExecutorProvider,
    IncidentTargets,
    ReportIncidentHandler,
    ChangeIncidentHandler,
    GetIncidentHandler,
    IncidentHistoryHandler,
    RedactIncidentHandler,
  ],
})
export class IncidentsModule {}
