import { Command } from '@nestjs/cqrs';
import { Actor } from '@app/application';
import type { SecondFactorFor } from '@app/auth';
import { SecondFactorPolicyDto } from './second-factor-policy.dto';

export class SetSecondFactorPolicyCommand extends Command<SecondFactorPolicyDto> {
  constructor(
    readonly workspaceId: string,
    readonly requiredFor: SecondFactorFor,
    readonly actor: Actor,
  ) {
    super();
  }
}
