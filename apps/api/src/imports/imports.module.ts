import { Module } from '@nestjs/common';
import { ImportTemplateHttpController } from './import-template/import-template.http.controller';
import { StartImportHttpController } from './start-import/start-import.http.controller';

/** Monitoring sheets in: POST /imports and the templates (the job's work is libs/imports). */
@Module({
  controllers: [StartImportHttpController, ImportTemplateHttpController],
})
export class ImportsModule {}
