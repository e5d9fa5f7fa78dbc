import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Inject } from '@nestjs/common';
import { CommandContext } from '@app/application';
import { TargetEntityKind } from '@app/domain';
import { TargetStore } from '@app/application/targets/target.commands';
import {
  registerReportingDuplicates,
  RegisterTargetResponseDto,
} from '@app/application/targets/possible-duplicates';
import { TARGET_STORE } from '../target-store.provider';

/** A registration as either kind's request DTO carries it: the details, and the aliases. */
export interface RegisterTargetRequest {
  name: string;
  label?: string;
  aliases?: string[];
}

/** POST /persons and POST /organisations: the kind's request DTO has checked the shape. */
export class RegisterTargetCommand extends Command<RegisterTargetResponseDto> {
  constructor(
    readonly kind: TargetEntityKind,
    readonly request: RegisterTargetRequest,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(RegisterTargetCommand)
export class RegisterTargetHandler implements ICommandHandler<RegisterTargetCommand> {
  constructor(@Inject(TARGET_STORE) private readonly store: TargetStore) {}

  execute({ kind, request, context }: RegisterTargetCommand): Promise<RegisterTargetResponseDto> {
    const { aliases, ...details } = request;
    return registerReportingDuplicates(this.store, kind, { details, aliases }, context);
  }
}
