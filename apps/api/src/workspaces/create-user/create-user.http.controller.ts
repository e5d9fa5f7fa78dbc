import { Body, Controller, Header, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Actor } from '@app/application';
import { CurrentActor, Roles, TokenOnly } from '@app/auth';
import { ApiProblems } from '../../http/openapi.decorators';
import { WorkspaceIdParam } from '../workspace-scope';
import { CreateUserCommand } from './create-user.command';
import { CreateUserRequestDto } from './create-user.request.dto';
import { CreateUserResponseDto } from './create-user.response.dto';

@ApiTags('workspaces')
@Controller('workspaces')
export class CreateUserHttpController {
  constructor(private readonly commandBus: CommandBus) {}

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
    return this.commandBus.execute(
      new CreateUserCommand(
        workspaceId,
        {
          name: body.name,
          role: body.role,
          ...(body.expiresAt !== undefined && { expiresAt: new Date(body.expiresAt) }),
        },
        actor,
      ),
    );
  }
}
