import { Module } from '@nestjs/common';
import { CaseExportModule } from '@app/exports/cases/case-export.module';
import { ProjectionsModule } from '../../projections/projections.module';
import { ExportIncidentsHandler } from './export-incidents.handler';
import { ExportIncidentsHttpController } from './export-incidents.http.controller';
import { StartCaseExportHandler } from '../start-case-export/start-case-export.handler';
import { StartCaseExportHttpController } from '../start-case-export/start-case-export.http.controller';

/**
 * Case-level exports: `GET /incidents/export` streamed, `POST /incidents/exports` as a job.
 * Before IncidentsModule: `GET /incidents/export` must not be taken for `GET /incidents/:id`.
 */
@Module({
  imports: [ProjectionsModule, CaseExportModule],
  controllers: [ExportIncidentsHttpController, StartCaseExportHttpController],
  providers: [ExportIncidentsHandler, StartCaseExportHandler],
})
export class ExportIncidentsModule {}
