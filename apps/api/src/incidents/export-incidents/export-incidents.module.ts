import { Module } from '@nestjs/common';
import { commandExecutorProvider } from '@app/application/command-executor.provider';
import { ProjectionsModule } from '../../projections/projections.module';
import { ExportIncidentsHandler } from './export-incidents.handler';
import { ExportIncidentsHttpController } from './export-incidents.http.controller';

/** Before IncidentsModule: `GET /incidents/export` must not be taken for `GET /incidents/:id`. */
@Module({
  imports: [ProjectionsModule],
  controllers: [ExportIncidentsHttpController],
  providers: [commandExecutorProvider, ExportIncidentsHandler],
})
export class ExportIncidentsModule {}
