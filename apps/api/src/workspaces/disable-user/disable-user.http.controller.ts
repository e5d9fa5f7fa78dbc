import { Controller, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiNoContentResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Actor } from '@app/application';
import { CurrentActor, Roles } from '@app/auth';
import { ApiProblems } from '../../http/openapi.decorators';
import { UuidParamPipe } from '../../http/uuid-param.pipe';
import { WorkspaceIdParam } from '../workspace-scope';
import { DisableUserCommand } from './disable-user.command';

@ApiTags('workspaces')
@Controller('workspaces')
export class DisableUserHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/users/:userId/disable')
  @Roles('admin')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    summary: 'Disable a user: sign-in refused, sessions and API tokens stop at the next request',
    description: 'A reset of the sign-in (POST …/reset-sign-in) lets the person back in.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiParam({ name: 'userId', format: 'uuid' })
  @ApiNoContentResponse({ description: 'Disabled' })
  @ApiProblems(400, 404, 409)
  disable(
    @WorkspaceIdParam() workspaceId: string,
    @Param('userId', UuidParamPipe) userId: string,
    @CurrentActor() actor: Actor,
  ): Promise<void> {
    return this.commandBus.execute(new DisableUserCommand(workspaceId, userId, actor));
  }
}
