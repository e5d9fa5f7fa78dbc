import { Query } from '@nestjs/cqrs';
import { Actor } from '@app/application';
import { EvidenceRecord } from '../evidence.commands';

/** The plain bytes of one file and its record; the HTTP side turns them into a download. */
export class DownloadEvidenceQuery extends Query<{ record: EvidenceRecord; bytes: Buffer }> {
  constructor(
    readonly incidentId: string,
    readonly evidenceId: string,
    readonly actor: Actor,
  ) {
    super();
  }
}
