import { Body, Controller, Header, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DeploymentAdmin, TokenOnly } from '@app/auth';
import { ApiProblems } from '../../http/openapi.decorators';
import { CreateWorkspaceCommand } from './create-workspace.command';
import { CreateWorkspaceRequestDto } from './create-workspace.request.dto';
import { CreateWorkspaceResponseDto } from './create-workspace.response.dto';

@ApiTags('workspaces')
@Controller('workspaces')
export class CreateWorkspaceHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @DeploymentAdmin()
  @TokenOnly()
  @HttpCode(HttpStatus.CREATED)
  // The answer holds a secret: no cache may keep it.
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Create a workspace (one per monitoring NGO) with its admin user and token',
    description:
      'Only the deployment admin (BOOTSTRAP_ADMIN_TOKEN) may. The admin token is shown once; ' +
      'hand it to the workspace admin, who creates the other users with ' +
      '`POST /workspaces/{id}/users`. Workspaces never see each other’s records.',
  })
  @ApiCreatedResponse({ type: CreateWorkspaceResponseDto })
  @ApiProblems(400)
  create(@Body() body: CreateWorkspaceRequestDto): Promise<CreateWorkspaceResponseDto> {
    return this.commandBus.execute(new CreateWorkspaceCommand(body.name));
  }
}
