import { Controller, Get, Header } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Actor } from '@app/application';
import { CurrentActor, Roles } from '@app/auth';
import { ApiProblems } from '../../http/openapi.decorators';
import { WorkspaceIdParam } from '../../workspaces/workspace-scope';
import { InvitationListResponseDto } from '../invitation.response.dto';
import { ListInvitationsQuery } from './list-invitations.query';

@ApiTags('invitations')
@Controller('workspaces')
export class ListInvitationsHttpController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get(':id/invitations')
  @Roles('admin')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: "Your workspace's invitations and their state (never a link)" })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: InvitationListResponseDto })
  @ApiProblems(400, 404)
  list(
    @WorkspaceIdParam() workspaceId: string,
    @CurrentActor() actor: Actor,
  ): Promise<InvitationListResponseDto> {
    return this.queryBus.execute(new ListInvitationsQuery(workspaceId, actor));
  }
}
