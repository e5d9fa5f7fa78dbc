import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult } from '@app/application';
import { refuseErasureWithDuplicates } from '@app/domain';
import { JobRecords } from '@app/jobs/job-records';
import { UPLOAD_STORAGE, UploadStorage } from '@app/protection';
import { erasePerson, TargetStore } from '@app/application/targets/target.commands';
import { liveDuplicates } from '@app/application/targets/person-merge.commands';
import { MergedPersons } from '@app/read-models/incidents/merged-persons';
import { TARGET_STORE } from '../../targets/target-store.provider';
import { PersonReasonCommand } from '../person-reason.command';

export class ErasePersonCommand extends PersonReasonCommand {}

@CommandHandler(ErasePersonCommand)
export class ErasePersonHandler implements ICommandHandler<ErasePersonCommand> {
  constructor(
    @Inject(TARGET_STORE) private readonly store: TargetStore,
    @Inject(UPLOAD_STORAGE) private readonly uploads: UploadStorage,
    private readonly jobs: JobRecords,
    private readonly merges: MergedPersons,
  ) {}

  async execute(command: ErasePersonCommand): Promise<CommandResult> {
    const { id, reason, context, expectedVersion } = command;
    // Before anything goes: an erasure the duplicates refuse removes nothing.
    const duplicates = await liveDuplicates(this.store, this.merges, id, context.actor);
    refuseErasureWithDuplicates(duplicates);
    // Every sheet still kept that names her goes first (with its key): a refusal below leaves
    // nothing that an erasure would not have removed anyway, and a retry finds nothing left.
    await this.uploads.forgetPersons(context.actor.workspaceId, [id]);
    // So does every case export made with names: one of them may hold hers.
    await this.jobs.removeFlagged(context.actor.workspaceId, 'names');
    return erasePerson(this.store, id, reason, context, expectedVersion, duplicates);
  }
}
