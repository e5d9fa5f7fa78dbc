import { HttpStatus } from '@nestjs/common';
import { CommandHandler, ICommandHandler, IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { AuditLog, SecondFactorService } from '@app/auth';
import { assertOwnWorkspace } from '../../workspaces/workspace-scope';
import { SetSecondFactorPolicyCommand } from './second-factor-policy.command';
import { SecondFactorPolicyDto } from './second-factor-policy.dto';
import { GetSecondFactorPolicyQuery } from './second-factor-policy.query';

@QueryHandler(GetSecondFactorPolicyQuery)
export class GetSecondFactorPolicyHandler implements IQueryHandler<GetSecondFactorPolicyQuery> {
  constructor(private readonly secondFactor: SecondFactorService) {}

  async execute({
    workspaceId,
    actor,
  }: GetSecondFactorPolicyQuery): Promise<SecondFactorPolicyDto> {
    assertOwnWorkspace(actor, workspaceId);
    return { requiredFor: (await this.secondFactor.policy(workspaceId)) ?? 'admins' };
  }
}

@CommandHandler(SetSecondFactorPolicyCommand)
export class SetSecondFactorPolicyHandler implements ICommandHandler<SetSecondFactorPolicyCommand> {
  constructor(
    private readonly secondFactor: SecondFactorService,
    private readonly audit: AuditLog,
  ) {}

  async execute({
    workspaceId,
    requiredFor,
    actor,
  }: SetSecondFactorPolicyCommand): Promise<SecondFactorPolicyDto> {
    assertOwnWorkspace(actor, workspaceId);
    await this.secondFactor.setPolicy(workspaceId, requiredFor);
    await this.audit.recordBy(actor, `second factor required for ${requiredFor}`, HttpStatus.OK);
    return { requiredFor };
  }
}
