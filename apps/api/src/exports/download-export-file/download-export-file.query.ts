import { Query } from '@nestjs/cqrs';
import { Actor } from '@app/application';
import { JobFile } from '@app/jobs/job-records';

/** A file of a finished export; the HTTP side turns it into a download. */
export class DownloadExportFileQuery extends Query<JobFile> {
  constructor(
    readonly id: string,
    readonly name: string,
    readonly actor: Actor,
  ) {
    super();
  }
}
