import { Module } from '@nestjs/common';
import { ReadModelsModule } from '@app/read-models';
import { DownloadExportFileHandler } from './download-export-file/download-export-file.handler';
import { DownloadExportFileHttpController } from './download-export-file/download-export-file.http.controller';
import { StartExportHandler } from './start-export/start-export.handler';
import { StartExportHttpController } from './start-export/start-export.http.controller';

/** Statistics out: POST /exports and the downloads (the job's work is libs/exports). */
@Module({
  imports: [ReadModelsModule],
  controllers: [StartExportHttpController, DownloadExportFileHttpController],
  providers: [StartExportHandler, DownloadExportFileHandler],
})
export class ExportsModule {}
