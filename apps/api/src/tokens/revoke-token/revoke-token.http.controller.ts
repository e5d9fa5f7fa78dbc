import { Controller, Delete, HttpCode, HttpStatus, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiNoContentResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Actor } from '@app/application';
import { CurrentActor, Roles, TokenOnly } from '@app/auth';
import { ApiProblems } from '../../http/openapi.decorators';
import { UuidParamPipe } from '../../http/uuid-param.pipe';
import { RevokeTokenCommand } from './revoke-token.command';

@ApiTags('workspaces')
@Controller('tokens')
export class RevokeTokenHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Delete(':id')
  @Roles('admin')
  @TokenOnly()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    summary: 'Revoke an API token of your workspace: it stops working at once',
    description:
      'The id is the `tokenId` given at creation, or from `GET /workspaces/{id}/users`. With ' +
      'several API processes, the others refuse it within 30 seconds. A revoked ' +
      'BOOTSTRAP_ADMIN_TOKEN stays refused until the variable is given a new value.',
  })
  @ApiParam({ name: 'id', format: 'uuid', example: '8e1d4c7b-2a9f-4e6d-8c3b-1a0f9e8d7c6b' })
  @ApiNoContentResponse({ description: 'Revoked' })
  @ApiProblems(400, 404)
  revoke(@Param('id', UuidParamPipe) tokenId: string, @CurrentActor() actor: Actor): Promise<void> {
    return this.commandBus.execute(new RevokeTokenCommand(tokenId, actor));
  }
}
