import { Body, Controller, Param, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Actor } from '@app/application';
import { CurrentActor, Roles } from '@app/auth';
import { ApiProblems } from '../../http/openapi.decorators';
import { UuidParamPipe } from '../../http/uuid-param.pipe';
import { ownWorkspace, WorkspaceTags } from '../workspace-tags';
import { WorkspaceTagsResponseDto } from '../workspace-tags.response.dto';
import { SetWorkspaceTagsRequestDto } from './set-workspace-tags.request.dto';

@ApiTags('workspaces')
@Controller('workspaces')
export class SetWorkspaceTagsHttpController {
  constructor(private readonly tags: WorkspaceTags) {}

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
  async set(
    @Param('id', UuidParamPipe) id: string,
    @Body() body: SetWorkspaceTagsRequestDto,
    @CurrentActor() actor: Actor,
  ): Promise<WorkspaceTagsResponseDto> {
    ownWorkspace(id, actor);
    await this.tags.replace(id, body.tags);
    return { workspaceId: id, tags: await this.tags.list(id) };
  }
}
