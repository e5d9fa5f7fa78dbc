import { Controller, Get, Header } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Actor } from '@app/application';
import { CurrentActor, Roles } from '@app/auth';
import { ApiProblems } from '../../http/openapi.decorators';
import { WorkspaceIdParam } from '../../workspaces/workspace-scope';
import { WorkspacePublicityResponseDto } from '../set-workspace-public/workspace-publicity.response.dto';
import { GetWorkspacePublicQuery } from './get-workspace-public.query';

@ApiTags('workspaces')
@Controller('workspaces')
export class GetWorkspacePublicHttpController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get(':id/public')
  @Roles('admin')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Whether your workspace publishes its aggregates without a token',
    description:
      'What PUT /workspaces/{id}/public last set; off until then. Another workspace answers 404.',
  })
  @ApiParam({ name: 'id', format: 'uuid', example: '0b6a4c1e-5d7f-4a43-9e3b-8c2f1d0a7b65' })
  @ApiOkResponse({ type: WorkspacePublicityResponseDto })
  @ApiProblems(400, 404)
  get(
    @WorkspaceIdParam() id: string,
    @CurrentActor() actor: Actor,
  ): Promise<WorkspacePublicityResponseDto> {
    return this.queryBus.execute(new GetWorkspacePublicQuery(id, actor));
  }
}
