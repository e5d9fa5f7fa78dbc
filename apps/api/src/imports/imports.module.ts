import { Module } from '@nestjs/common';
import { commandExecutorProvider } from '../shared/command-executor.provider';
import { ImportTemplateHttpController } from './import-template/import-template.http.controller';
import { ImportJob } from './import.job';
import { StartImportHttpController } from './start-import/start-import.http.controller';

/** Monitoring sheets in: POST /imports, the templates, and the import job's work. */
@Module({
  controllers: [StartImportHttpController, ImportTemplateHttpController],
  providers: [commandExecutorProvider, ImportJob],
  exports: [ImportJob],
})
export class ImportsModule {}
