import { CommandExecutor, CommandResult } from '@app/application';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { linkTargetAlias } from '../../targets/target.commands';
import { LinkPersonAliasCommand } from './link-person-alias.command';

@CommandHandler(LinkPersonAliasCommand)
export class LinkPersonAliasHandler implements ICommandHandler<LinkPersonAliasCommand> {
  constructor(private readonly executor: CommandExecutor) {}

  execute({ id, alias, context, expectedVersion }: LinkPersonAliasCommand): Promise<CommandResult> {
    return linkTargetAlias(this.executor, 'person', id, alias, context, expectedVersion);
  }
}
