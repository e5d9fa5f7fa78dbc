import { Module } from '@nestjs/common';
import { ImportTemplateHttpController } from './import-template/import-template.http.controller';
import { ImportJob } from './import.job';
import { StartImportHttpController } from './start-import/start-import.http.controller';

/** Monitoring sheets in: POST /imports, the templates, and the import job's work. */
@Module({
  controllers: [StartImportHttpController, ImportTemplateHttpController],
  providers: [ImportJob],
  exports: [ImportJob],
})
export class ImportsModule {}
