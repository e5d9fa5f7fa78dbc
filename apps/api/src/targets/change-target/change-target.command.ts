import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Inject } from '@nestjs/common';
import { CommandContext, CommandResult } from '@app/application';
import { TargetEntityKind } from '@app/domain';
import {
  amendTarget,
  linkTargetAlias,
  TargetAmendment,
  TargetStore,
} from '@app/application/targets/target.commands';
import { TARGET_STORE } from '../target-store.provider';

/** POST …/:id/amendments (which fields a kind has, its DTO says) or POST …/:id/aliases. */
export type TargetChange =
  { type: 'amend'; amendment: TargetAmendment } | { type: 'link_alias'; alias: string };

/**
 * Every change to an existing person or organisation, as `ChangeIncidentCommand` is for
 * incidents: the kind is a parameter, not a class.
 */
export class ChangeTargetCommand extends Command<CommandResult> {
  constructor(
    readonly kind: TargetEntityKind,
    readonly id: string,
    readonly change: TargetChange,
    readonly context: CommandContext,
    /** From If-Match. */
    readonly expectedVersion?: number,
  ) {
    super();
  }
}

@CommandHandler(ChangeTargetCommand)
export class ChangeTargetHandler implements ICommandHandler<ChangeTargetCommand> {
  constructor(@Inject(TARGET_STORE) private readonly store: TargetStore) {}

  execute({
    kind,
    id,
    change,
    context,
    expectedVersion,
  }: ChangeTargetCommand): Promise<CommandResult> {
    return change.type === 'amend'
      ? amendTarget(this.store, kind, id, change.amendment, context, expectedVersion)
      : linkTargetAlias(this.store, kind, id, change.alias, context, expectedVersion);
  }
}
