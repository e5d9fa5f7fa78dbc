import { Inject } from '@nestjs/common';
import { TARGET_STORE } from '../../targets/target-store.provider';
import { TargetStore } from '@app/application/targets/target.commands';
import { CommandResult } from '@app/application';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { linkTargetAlias } from '@app/application/targets/target.commands';
import { LinkOrganisationAliasCommand } from './link-organisation-alias.command';

@CommandHandler(LinkOrganisationAliasCommand)
export class LinkOrganisationAliasHandler implements ICommandHandler<LinkOrganisationAliasCommand> {
  constructor(@Inject(TARGET_STORE) private readonly store: TargetStore) {}

  execute({
    id,
    alias,
    context,
    expectedVersion,
  }: LinkOrganisationAliasCommand): Promise<CommandResult> {
    return linkTargetAlias(this.store, 'organisation', id, alias, context, expectedVersion);
  }
}
