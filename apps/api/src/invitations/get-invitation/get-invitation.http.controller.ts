import { Controller, Get, Header, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '@app/auth';
import { ApiProblems } from '../../http/openapi.decorators';
import { InvitationCodePipe } from '../invitation-code.pipe';
import { InvitationPreviewResponseDto } from '../invitation.response.dto';
import { GetInvitationQuery } from './get-invitation.query';

@ApiTags('invitations')
@Controller('invitations')
export class GetInvitationHttpController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get(':code')
  @Public()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'What an invitation link is for: the name, role and workspace, before accepting',
  })
  @ApiParam({ name: 'code', description: 'The `code` of the invitation link.' })
  @ApiOkResponse({ type: InvitationPreviewResponseDto })
  @ApiResponse({ status: 410, description: 'The invitation was used, revoked or has expired.' })
  @ApiProblems(400, 404)
  get(@Param('code', InvitationCodePipe) code: string): Promise<InvitationPreviewResponseDto> {
    return this.queryBus.execute(new GetInvitationQuery(code));
  }
}
