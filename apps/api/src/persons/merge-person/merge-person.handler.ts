import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandContext, CommandResult } from '@app/application';
import { TargetStore } from '@app/application/targets/target.commands';
import { mergePerson, PersonMergeRequest } from '@app/application/targets/person-merge.commands';
import { MergedPersons } from '@app/read-models/incidents/merged-persons';
import { TARGET_STORE } from '../../targets/target-store.provider';

export class MergePersonCommand extends Command<CommandResult> {
  constructor(
    readonly id: string,
    readonly request: PersonMergeRequest,
    readonly context: CommandContext,
    /** From If-Match. */
    readonly expectedVersion?: number,
  ) {
    super();
  }
}

@CommandHandler(MergePersonCommand)
export class MergePersonHandler implements ICommandHandler<MergePersonCommand> {
  constructor(
    @Inject(TARGET_STORE) private readonly store: TargetStore,
    private readonly merges: MergedPersons,
  ) {}

  execute({ id, request, context, expectedVersion }: MergePersonCommand): Promise<CommandResult> {
    return mergePerson(this.store, this.merges, id, request, context, expectedVersion);
  }
}
