import { Query } from '@nestjs/cqrs';
import { Actor } from '@app/application';
import { JobFileStream } from '@app/jobs/job-records';

/** A file of a finished export, read as it is sent; the HTTP side turns it into a download. */
export class DownloadExportFileQuery extends Query<JobFileStream> {
  constructor(
    readonly id: string,
    readonly name: string,
    readonly actor: Actor,
  ) {
    super();
  }
}
