import { Body, Controller, Get, Header, HttpStatus, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Actor } from '@app/application';
import { AuditLog, CurrentActor, Roles, SecondFactorService } from '@app/auth';
import { ApiProblems } from '../../http/openapi.decorators';
import { assertOwnWorkspace, WorkspaceIdParam } from '../../workspaces/workspace-scope';
import { SecondFactorPolicyDto } from './second-factor-policy.dto';

@ApiTags('workspaces')
@Controller('workspaces')
export class SecondFactorPolicyHttpController {
  constructor(
    private readonly secondFactor: SecondFactorService,
    private readonly audit: AuditLog,
  ) {}

  @Get(':id/second-factor')
  @Roles('admin')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Who in your workspace must sign in with a second factor' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: SecondFactorPolicyDto })
  @ApiProblems(400, 404)
  async get(
    @WorkspaceIdParam() workspaceId: string,
    @CurrentActor() actor: Actor,
  ): Promise<SecondFactorPolicyDto> {
    assertOwnWorkspace(actor, workspaceId);
    return { requiredFor: (await this.secondFactor.policy(workspaceId)) ?? 'admins' };
  }

  @Put(':id/second-factor')
  @Roles('admin')
  @ApiOperation({
    summary: 'Require a second factor of the admins (default) or of everyone in your workspace',
    description:
      'Takes effect at the next request: a signed-in person who now needs one and has none ' +
      'reaches only the enrolment routes until enrolled.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: SecondFactorPolicyDto })
  @ApiProblems(400, 404)
  async set(
    @WorkspaceIdParam() workspaceId: string,
    @Body() body: SecondFactorPolicyDto,
    @CurrentActor() actor: Actor,
  ): Promise<SecondFactorPolicyDto> {
    assertOwnWorkspace(actor, workspaceId);
    await this.secondFactor.setPolicy(workspaceId, body.requiredFor);
    const action = `second factor required for ${body.requiredFor}`;
    await this.audit.recordBy(actor, action, HttpStatus.OK);
    return { requiredFor: body.requiredFor };
  }
}
