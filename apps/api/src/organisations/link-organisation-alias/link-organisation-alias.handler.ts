import { CommandExecutor, CommandResult } from '@app/application';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { linkTargetAlias } from '../../targets/target.commands';
import { LinkOrganisationAliasCommand } from './link-organisation-alias.command';

@CommandHandler(LinkOrganisationAliasCommand)
export class LinkOrganisationAliasHandler implements ICommandHandler<LinkOrganisationAliasCommand> {
  constructor(private readonly executor: CommandExecutor) {}

  execute({
    id,
    alias,
    context,
    expectedVersion,
  }: LinkOrganisationAliasCommand): Promise<CommandResult> {
    return linkTargetAlias(this.executor, 'organisation', id, alias, context, expectedVersion);
  }
}
