import { Command } from '@nestjs/cqrs';
import { Actor } from '@app/application';

export class RevokeTokenCommand extends Command<void> {
  constructor(
    readonly tokenId: string,
    readonly actor: Actor,
  ) {
    super();
  }
}
