import { NotFoundException } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { JobFileStream, JobRecords } from '@app/jobs/job-records';
import { seesPersonalData } from '../../targets/redaction';
import { DownloadExportFileQuery } from './download-export-file.query';

const EXPORT_ID = /^export-[0-9a-f]{40}$/;
// File names are keys in the job_files table, never paths; only our own names pass.
const FILE_NAME = /^[a-z0-9][a-z0-9-]{0,80}\.(xlsx|svg|png|csv|jsonl)$/;

@QueryHandler(DownloadExportFileQuery)
export class DownloadExportFileHandler implements IQueryHandler<DownloadExportFileQuery> {
  constructor(private readonly records: JobRecords) {}

  async execute({ id, name, actor }: DownloadExportFileQuery): Promise<JobFileStream> {
    const record =
      EXPORT_ID.test(id) && FILE_NAME.test(name)
        ? await this.records.getInWorkspace(id, actor.workspaceId)
        : undefined;
    const readable =
      record?.state === 'completed' &&
      (record.expiresAt === null || Date.parse(record.expiresAt) > Date.now()) &&
      // A case export made for a role that sees names is not an analyst's file.
      (record.input.names !== true || seesPersonalData(actor));
    const file = readable ? await this.records.openFile(id, name) : undefined;
    if (file === undefined)
      throw new NotFoundException('No such file of an export of your workspace.');
    return file;
  }
}
