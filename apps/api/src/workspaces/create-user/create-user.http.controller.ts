import { Body, Controller, Header, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Actor } from '@app/application';
import { CurrentActor, Roles, TokenOnly, WorkspaceDirectory } from '@app/auth';
import { ValidationException } from '@app/application/validation.exception';
import { ApiProblems } from '../../http/openapi.decorators';
import { assertOwnWorkspace, WorkspaceIdParam } from '../workspace-scope';
import { CreateUserRequestDto } from './create-user.request.dto';
import { CreateUserResponseDto } from './create-user.response.dto';

@ApiTags('workspaces')
@Controller('workspaces')
export class CreateUserHttpController {
  constructor(private readonly directory: WorkspaceDirectory) {}

  @Post(':id/users')
  @Roles('admin')
  @TokenOnly()
  @HttpCode(HttpStatus.CREATED)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Add a user to your workspace, with a role and an API token shown once',
  })
  @ApiParam({ name: 'id', format: 'uuid', example: '3b0c7f52-8d7a-4a1e-9f7e-5c2b1a0d9e33' })
  @ApiCreatedResponse({ type: CreateUserResponseDto })
  @ApiProblems(400, 404)
  create(
    @WorkspaceIdParam() workspaceId: string,
    @Body() body: CreateUserRequestDto,
    @CurrentActor() actor: Actor,
  ): Promise<CreateUserResponseDto> {
    assertOwnWorkspace(actor, workspaceId);
    const expiresAt = body.expiresAt === undefined ? undefined : new Date(body.expiresAt);
    if (expiresAt !== undefined && !(expiresAt.getTime() > Date.now())) {
      throw new ValidationException([{ field: 'expiresAt', message: 'must be in the future' }]);
    }
    return this.directory.createUser(workspaceId, {
      name: body.name,
      role: body.role,
      ...(expiresAt !== undefined && { expiresAt }),
    });
  }
}
