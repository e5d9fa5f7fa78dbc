import { Inject } from '@nestjs/common';
import { TARGET_STORE } from '../../targets/target-store.provider';
import { TargetStore } from '@app/application/targets/target.commands';
import { CommandResult } from '@app/application';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { linkTargetAlias } from '@app/application/targets/target.commands';
import { LinkPersonAliasCommand } from './link-person-alias.command';

@CommandHandler(LinkPersonAliasCommand)
export class LinkPersonAliasHandler implements ICommandHandler<LinkPersonAliasCommand> {
  constructor(@Inject(TARGET_STORE) private readonly store: TargetStore) {}

  execute({ id, alias, context, expectedVersion }: LinkPersonAliasCommand): Promise<CommandResult> {
    return linkTargetAlias(this.store, 'person', id, alias, context, expectedVersion);
  }
}
