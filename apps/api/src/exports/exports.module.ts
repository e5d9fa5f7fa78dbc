import { Module } from '@nestjs/common';
import { ReadModelsModule } from '@app/read-models';
import { DownloadExportFileHttpController } from './download-export-file/download-export-file.http.controller';
import { ExportJob } from './export.job';
import { StartExportHttpController } from './start-export/start-export.http.controller';

/** Statistics out: POST /exports, the downloads, and the export job's work. */
@Module({
  imports: [ReadModelsModule],
  controllers: [StartExportHttpController, DownloadExportFileHttpController],
  providers: [ExportJob],
  exports: [ExportJob],
})
export class ExportsModule {}
