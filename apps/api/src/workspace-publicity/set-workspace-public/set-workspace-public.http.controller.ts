import { Body, Controller, Param, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Actor } from '@app/application';
import { CurrentActor, Roles } from '@app/auth';
import { ApiProblems } from '../../http/openapi.decorators';
import { UuidParamPipe } from '../../http/uuid-param.pipe';
import { SetWorkspacePublicCommand } from './set-workspace-public.command';
import { SetWorkspacePublicRequestDto } from './set-workspace-public.request.dto';
import { WorkspacePublicityResponseDto } from './workspace-publicity.response.dto';

@ApiTags('workspaces')
@Controller('workspaces')
export class SetWorkspacePublicHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Put(':id/public')
  @Roles('admin')
  @ApiOperation({
    summary: 'Publish (or stop publishing) the aggregates of your workspace without a token',
    description:
      'When enabled, `GET /public/stats?workspace=<id>` serves the same figures as GET /stats, ' +
      'with every count below 5 shown as "<5" and the cells that would reveal one suppressed. ' +
      'Off by default. Another workspace answers 404.',
  })
  @ApiParam({ name: 'id', format: 'uuid', example: '0b6a4c1e-5d7f-4a43-9e3b-8c2f1d0a7b65' })
  @ApiOkResponse({ type: WorkspacePublicityResponseDto })
  @ApiProblems(400, 404)
  set(
    @Param('id', UuidParamPipe) id: string,
    @Body() body: SetWorkspacePublicRequestDto,
    @CurrentActor() actor: Actor,
  ): Promise<WorkspacePublicityResponseDto> {
    return this.commandBus.execute(new SetWorkspacePublicCommand(id, body.enabled, actor));
  }
}
