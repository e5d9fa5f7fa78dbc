import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor } from '@app/application';
import { CurrentActor, Roles, ROLES } from '@app/auth';
import { WhoAmIResponseDto } from './who-am-i.response.dto';

@ApiTags('auth')
@Controller('me')
export class WhoAmIHttpController {
  @Get()
  @Roles(...ROLES)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Who the API token stands for: user, workspace and role',
    description: 'A quick check that a token works, and what it may do.',
  })
  @ApiOkResponse({ type: WhoAmIResponseDto })
  whoAmI(@CurrentActor() actor: Actor): WhoAmIResponseDto {
    const { userId, userName, workspaceId, role } = actor;
    return { userId, userName, workspaceId, role };
  }
}
