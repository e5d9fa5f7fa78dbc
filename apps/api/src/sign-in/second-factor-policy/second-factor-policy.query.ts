import { Query } from '@nestjs/cqrs';
import { Actor } from '@app/application';
import { SecondFactorPolicyDto } from './second-factor-policy.dto';

export class GetSecondFactorPolicyQuery extends Query<SecondFactorPolicyDto> {
  constructor(
    readonly workspaceId: string,
    readonly actor: Actor,
  ) {
    super();
  }
}
