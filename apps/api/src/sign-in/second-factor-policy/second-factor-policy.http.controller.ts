import { Body, Controller, Get, Header, Put } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Actor } from '@app/application';
import { CurrentActor, Roles } from '@app/auth';
import { ApiProblems } from '../../http/openapi.decorators';
import { WorkspaceIdParam } from '../../workspaces/workspace-scope';
import { SetSecondFactorPolicyCommand } from './second-factor-policy.command';
import { SecondFactorPolicyDto } from './second-factor-policy.dto';
import { GetSecondFactorPolicyQuery } from './second-factor-policy.query';

@ApiTags('workspaces')
@Controller('workspaces')
export class SecondFactorPolicyHttpController {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly commandBus: CommandBus,
  ) {}

  @Get(':id/second-factor')
  @Roles('admin')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Who in your workspace must sign in with a second factor' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: SecondFactorPolicyDto })
  @ApiProblems(400, 404)
  get(
    @WorkspaceIdParam() workspaceId: string,
    @CurrentActor() actor: Actor,
  ): Promise<SecondFactorPolicyDto> {
    return this.queryBus.execute(new GetSecondFactorPolicyQuery(workspaceId, actor));
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
  set(
    @WorkspaceIdParam() workspaceId: string,
    @Body() body: SecondFactorPolicyDto,
    @CurrentActor() actor: Actor,
  ): Promise<SecondFactorPolicyDto> {
    return this.commandBus.execute(
      new SetSecondFactorPolicyCommand(workspaceId, body.requiredFor, actor),
    );
  }
}
