import { Body, Controller, Param, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Actor } from '@app/application';
import { CurrentActor, Roles } from '@app/auth';
import { ApiProblems } from '../../http/openapi.decorators';
import { UuidParamPipe } from '../../http/uuid-param.pipe';
import { WorkspaceTagsResponseDto } from '../workspace-tags.response.dto';
import { SetWorkspaceTagsCommand } from './set-workspace-tags.command';
import { SetWorkspaceTagsRequestDto } from './set-workspace-tags.request.dto';

@ApiTags('workspaces')
@Controller('workspaces')
export class SetWorkspaceTagsHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Put(':id/tags')
  @Roles('admin')
  @ApiOperation({
    summary: "Declare your workspace's tag list: the tags analysts and the public may filter by",
    description:
      'Callers who see no names (analysts, `public` tokens, GET /public/stats) may filter ' +
      'statistics and lists by these tags only, since incident tags are free text and a name ' +
      'in a filter would confirm that the person is recorded. Put no name in it. Another ' +
      'workspace answers 404.',
  })
  @ApiParam({ name: 'id', format: 'uuid', example: '0b6a4c1e-5d7f-4a43-9e3b-8c2f1d0a7b65' })
  @ApiOkResponse({ type: WorkspaceTagsResponseDto })
  @ApiProblems(400, 404)
  set(
    @Param('id', UuidParamPipe) id: string,
    @Body() body: SetWorkspaceTagsRequestDto,
    @CurrentActor() actor: Actor,
  ): Promise<WorkspaceTagsResponseDto> {
    return this.commandBus.execute(new SetWorkspaceTagsCommand(id, body.tags, actor));
  }
}
