import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TokenAuthService } from '@app/auth';
import { DomainError } from '@app/domain';
import { RevokeTokenCommand } from './revoke-token.command';

@CommandHandler(RevokeTokenCommand)
export class RevokeTokenHandler implements ICommandHandler<RevokeTokenCommand> {
  constructor(private readonly auth: TokenAuthService) {}

  async execute({ tokenId, actor }: RevokeTokenCommand): Promise<void> {
    // Unknown, already revoked and another workspace's token all answer alike.
    if (!(await this.auth.revokeToken(tokenId, { workspaceId: actor.workspaceId }))) {
      throw new DomainError('not_found', 'token_not_found', 'no usable token with this id');
    }
  }
}
