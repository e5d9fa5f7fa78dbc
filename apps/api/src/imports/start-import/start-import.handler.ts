import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UPLOAD_STORAGE, UploadStorage } from '@app/protection';
import { contentJobId } from '@app/jobs/job-context';
import { JobDispatcher, startJob } from '@app/jobs/job-dispatcher';
import { JobRecords } from '@app/jobs/job-records';
import { ImportInput, importUpload } from '@app/imports/import.job';
import { JobAcceptedDto } from '../../jobs/job-accepted.response.dto';
import { StartImportCommand } from './start-import.command';

@CommandHandler(StartImportCommand)
export class StartImportHandler implements ICommandHandler<StartImportCommand> {
  constructor(
    private readonly records: JobRecords,
    private readonly dispatcher: JobDispatcher,
    @Inject(UPLOAD_STORAGE) private readonly uploads: UploadStorage,
  ) {}

  async execute(command: StartImportCommand): Promise<JobAcceptedDto> {
    const { sheet, format, dryRun, actor, keepDays, matchPersons } = command;
    // Another rule is another job; without one, the id stays what it was before rules existed.
    const jobId = contentJobId(
      'import',
      actor.workspaceId,
      dryRun ? 'dry-run' : 'record',
      ...(matchPersons === 'none' ? [] : [`match-${matchPersons}`]),
      format,
      sheet,
    );
    const input: ImportInput = { dryRun, format, actor, matchPersons };
    const upload = importUpload({ id: jobId, workspaceId: actor.workspaceId });
    // The file first: a job record always finds its file, even when two uploads race.
    await this.uploads.put(upload, sheet, keepDays);
    const job = await startJob(this.records, this.dispatcher, {
      id: jobId,
      workspaceId: actor.workspaceId,
      type: 'import',
      input: input as unknown as Record<string, unknown>,
    });
    // The same sheet again, its job done already: it will not run, so its copy goes now.
    if (job.state === 'completed') await this.uploads.release(upload);
    return { jobId };
  }
}
