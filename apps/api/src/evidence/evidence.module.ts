import { Module } from '@nestjs/common';
import { commandExecutorProvider } from '@app/application/command-executor.provider';
import { AttachEvidenceHandler } from './attach-evidence/attach-evidence.handler';
import { DownloadEvidenceHandler } from './download-evidence/download-evidence.handler';
import { ListEvidenceHandler } from './list-evidence/list-evidence.handler';
import { RemoveEvidenceHandler } from './remove-evidence/remove-evidence.handler';
import { AttachEvidenceHttpController } from './attach-evidence/attach-evidence.http.controller';
import { DownloadEvidenceHttpController } from './download-evidence/download-evidence.http.controller';
import { EvidenceFiles } from './evidence.commands';
import { ListEvidenceHttpController } from './list-evidence/list-evidence.http.controller';
import { RemoveEvidenceHttpController } from './remove-evidence/remove-evidence.http.controller';

/** Evidence files of incidents: kept encrypted, downloaded by the roles that see the case. */
@Module({
  controllers: [
    AttachEvidenceHttpController,
    ListEvidenceHttpController,
    DownloadEvidenceHttpController,
    RemoveEvidenceHttpController,
  ],
  providers: [
    commandExecutorProvider,
    EvidenceFiles,
    AttachEvidenceHandler,
    ListEvidenceHandler,
    DownloadEvidenceHandler,
    RemoveEvidenceHandler,
  ],
})
export class EvidenceModule {}
