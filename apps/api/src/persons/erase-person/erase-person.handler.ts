import { Inject } from '@nestjs/common';
import { Actor, CommandResult } from '@app/application';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { SQL_CLIENT, SqlClient } from '@app/database';
import { incidentsNaming } from '@app/application/incidents/incidents-naming';
import { readTarget } from '@app/application/targets/target.read';
import { refuseErasureWithDuplicates } from '@app/domain';
import { JobRecords } from '@app/jobs/job-records';
import { UPLOAD_STORAGE, UploadStorage } from '@app/protection';
import { erasePerson, TargetStore } from '@app/application/targets/target.commands';
import { liveDuplicates } from '@app/application/targets/person-merge.commands';
import { MergedPersons } from '@app/read-models/incidents/merged-persons';
import { TARGET_STORE } from '../../targets/target-store.provider';
import { PersonReasonCommand } from '../person-reason.command';

export class ErasePersonCommand extends PersonReasonCommand {}

/** The erasure's answer (ErasePersonResponseDto). */
export type PersonErased = CommandResult & { incidentsNamingPerson: string[] };

@CommandHandler(ErasePersonCommand)
export class ErasePersonHandler implements ICommandHandler<ErasePersonCommand> {
  constructor(
    @Inject(TARGET_STORE) private readonly store: TargetStore,
    @Inject(UPLOAD_STORAGE) private readonly uploads: UploadStorage,
    private readonly jobs: JobRecords,
    private readonly merges: MergedPersons,
    @Inject(SQL_CLIENT) private readonly sql: SqlClient,
  ) {}

  async execute(command: ErasePersonCommand): Promise<PersonErased> {
    const { id, reason, context, expectedVersion } = command;
    // Before anything goes: an erasure the duplicates refuse removes nothing.
    const duplicates = await liveDuplicates(this.store, this.merges, id, context.actor);
    refuseErasureWithDuplicates(duplicates);
    // Every sheet still kept that names her goes first (with its key): a refusal below leaves
    // nothing that an erasure would not have removed anyway, and a retry finds nothing left.
    await this.uploads.forgetPersons(context.actor.workspaceId, [id]);
    // So does every case export made with names: one of them may hold hers.
    await this.jobs.removeFlagged(context.actor.workspaceId, 'names');
    // While her name can still be read: the incidents whose free text names her.
    const naming = await this.incidentsNaming(id, context.actor);
    const result = await erasePerson(this.store, id, reason, context, expectedVersion, duplicates);
    return { ...result, incidentsNamingPerson: naming };
  }

  private async incidentsNaming(id: string, actor: Actor): Promise<string[]> {
    const person = await readTarget(this.store, 'person', id, actor);
    if (person.erased) return [];
    const names = [person.details.name, ...person.aliases];
    return incidentsNaming(this.sql, actor.workspaceId, names);
  }
}
