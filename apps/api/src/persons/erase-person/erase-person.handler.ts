import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandContext, CommandResult } from '@app/application';
import { JobRecords } from '@app/jobs/job-records';
import { UPLOAD_STORAGE, UploadStorage } from '@app/protection';
import { erasePerson, TargetStore } from '@app/application/targets/target.commands';
import { TARGET_STORE } from '../../targets/target-store.provider';

export class ErasePersonCommand extends Command<CommandResult> {
  constructor(
    readonly id: string,
    readonly reason: string,
    readonly context: CommandContext,
    /** From If-Match. */
    readonly expectedVersion?: number,
  ) {
    super();
  }
}

@CommandHandler(ErasePersonCommand)
export class ErasePersonHandler implements ICommandHandler<ErasePersonCommand> {
  constructor(
    @Inject(TARGET_STORE) private readonly store: TargetStore,
    @Inject(UPLOAD_STORAGE) private readonly uploads: UploadStorage,
    private readonly jobs: JobRecords,
  ) {}

  async execute(command: ErasePersonCommand): Promise<CommandResult> {
    const { id, reason, context, expectedVersion } = command;
    // Every sheet still kept that names her goes first (with its key): a refusal below leaves
    // nothing that an erasure would not have removed anyway, and a retry finds nothing left.
    await this.uploads.forgetPersons(context.actor.workspaceId, [id]);
    // So does every case export made with names: one of them may hold hers.
    await this.jobs.removeFlagged(context.actor.workspaceId, 'names');
    return erasePerson(this.store, id, reason, context, expectedVersion);
  }
}
