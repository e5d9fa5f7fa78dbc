import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { EvidenceFiles, EvidenceRecord } from '../evidence.commands';
import { DownloadEvidenceQuery } from './download-evidence.query';

@QueryHandler(DownloadEvidenceQuery)
export class DownloadEvidenceHandler implements IQueryHandler<DownloadEvidenceQuery> {
  constructor(private readonly evidence: EvidenceFiles) {}

  execute({
    incidentId,
    evidenceId,
    actor,
  }: DownloadEvidenceQuery): Promise<{ record: EvidenceRecord; bytes: Buffer }> {
    return this.evidence.download(incidentId, evidenceId, actor);
  }
}
