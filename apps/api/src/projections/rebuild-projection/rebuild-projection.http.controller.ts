import { Controller, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiAcceptedResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { DeploymentAdmin } from '@app/auth';
import { INCIDENT_FACTS } from '@app/read-models';
import { ValidationException } from '@app/application/validation.exception';
import { ApiProblems } from '../../http/openapi.decorators';
import { RebuildStatusDto } from './rebuild-status.response.dto';
import { RebuildProjectionCommand } from './rebuild-projection.command';

@ApiTags('projections')
@Controller('projections')
export class RebuildProjectionHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':name/rebuild')
  @DeploymentAdmin()
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({
    summary: 'Rebuild a projection from position zero into a new table version, then switch to it',
    description:
      'Runs in the background; queries keep answering from the current version meanwhile. ' +
      '`GET /projections` shows the progress. The same as `npm run cli -- rebuild incident-facts` ' +
      'in server mode.',
  })
  @ApiParam({ name: 'name', enum: [INCIDENT_FACTS] })
  @ApiAcceptedResponse({ type: RebuildStatusDto, description: 'The rebuild started' })
  @ApiProblems(400, 409)
  rebuild(@Param('name') name: string): Promise<RebuildStatusDto> {
    if (name !== INCIDENT_FACTS) {
      throw new ValidationException([
        { field: 'name', message: 'unknown projection', allowed: [INCIDENT_FACTS] },
      ]);
    }
    return this.commandBus.execute(new RebuildProjectionCommand());
  }
}
