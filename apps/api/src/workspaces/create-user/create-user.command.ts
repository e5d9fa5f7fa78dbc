import { Command } from '@nestjs/cqrs';
import { Actor } from '@app/application';
import type { Role } from '@app/auth';
import { CreateUserResponseDto } from './create-user.response.dto';

export class CreateUserCommand extends Command<CreateUserResponseDto> {
  constructor(
    readonly workspaceId: string,
    readonly user: { readonly name: string; readonly role: Role; readonly expiresAt?: Date },
    readonly actor: Actor,
  ) {
    super();
  }
}
