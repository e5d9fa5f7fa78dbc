import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Actor } from '@app/application';
import { CurrentActor, Roles, ROLES } from '@app/auth';
import { ApiProblems } from '../../http/openapi.decorators';
import { UuidParamPipe } from '../../http/uuid-param.pipe';
import { WorkspaceTagsResponseDto } from '../workspace-tags.response.dto';
import { ListWorkspaceTagsQuery } from './list-workspace-tags.query';

@ApiTags('workspaces')
@Controller('workspaces')
export class ListWorkspaceTagsHttpController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get(':id/tags')
  @Roles(...ROLES)
  @ApiOperation({
    summary: "Your workspace's tag list: the tags every role may filter by",
    description: 'Declared by the admin (PUT). Another workspace answers 404.',
  })
  @ApiParam({ name: 'id', format: 'uuid', example: '0b6a4c1e-5d7f-4a43-9e3b-8c2f1d0a7b65' })
  @ApiOkResponse({ type: WorkspaceTagsResponseDto })
  @ApiProblems(400, 404)
  list(
    @Param('id', UuidParamPipe) id: string,
    @CurrentActor() actor: Actor,
  ): Promise<WorkspaceTagsResponseDto> {
    return this.queryBus.execute(new ListWorkspaceTagsQuery(id, actor));
  }
}
