import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { PasskeyService } from '@app/auth';
import { AddPasskeyCommand, PasskeyOptionsCommand } from './add-passkey.command';
import { PasskeyAddedResponseDto, PasskeyOptionsResponseDto } from './passkey.dto';

@CommandHandler(PasskeyOptionsCommand)
export class PasskeyOptionsHandler implements ICommandHandler<PasskeyOptionsCommand> {
  constructor(private readonly passkeys: PasskeyService) {}

  execute({ session }: PasskeyOptionsCommand): Promise<PasskeyOptionsResponseDto> {
    return this.passkeys.registrationOptions(session);
  }
}

@CommandHandler(AddPasskeyCommand)
export class AddPasskeyHandler implements ICommandHandler<AddPasskeyCommand> {
  constructor(private readonly passkeys: PasskeyService) {}

  execute({ session, response }: AddPasskeyCommand): Promise<PasskeyAddedResponseDto> {
    return this.passkeys.register(session, response);
  }
}
