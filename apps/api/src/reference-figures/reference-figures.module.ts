import { Module } from '@nestjs/common';
import { commandExecutorProvider } from '@app/application/command-executor.provider';
import { ListReferenceFiguresHandler } from './list-reference-figures/list-reference-figures.handler';
import { ListReferenceFiguresHttpController } from './list-reference-figures/list-reference-figures.http.controller';
import { RecordReferenceFigureHandler } from './record-reference-figure/record-reference-figure.handler';
import { RecordReferenceFigureHttpController } from './record-reference-figure/record-reference-figure.http.controller';

/**
 * Third parties' published figures, beside our own counts. GET /stats reaches the matching
 * through the QueryBus (MatchReferenceFiguresQuery, handled in StatisticsQueriesModule, which
 * the export job shares), so statistics need no import of this module.
 */
@Module({
  controllers: [RecordReferenceFigureHttpController, ListReferenceFiguresHttpController],
  providers: [commandExecutorProvider, RecordReferenceFigureHandler, ListReferenceFiguresHandler],
})
export class ReferenceFiguresModule {}
