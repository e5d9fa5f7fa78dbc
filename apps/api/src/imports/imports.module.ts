import { Module } from '@nestjs/common';
import {
  ImportTemplateCsvHandler,
  ImportTemplateXlsxHandler,
} from './import-template/import-template.handler';
import { ImportTemplateHttpController } from './import-template/import-template.http.controller';
import { StartImportHandler } from './start-import/start-import.handler';
import { StartImportHttpController } from './start-import/start-import.http.controller';

/** Monitoring sheets in: POST /imports and the templates (the job's work is libs/imports). */
@Module({
  controllers: [StartImportHttpController, ImportTemplateHttpController],
  providers: [StartImportHandler, ImportTemplateCsvHandler, ImportTemplateXlsxHandler],
})
export class ImportsModule {}
