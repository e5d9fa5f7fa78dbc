import { Body, Controller, HttpCode, HttpStatus, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiAcceptedResponse,
  ApiHeader,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Actor } from '@app/application';
import { commandContext, RequestLike } from '@app/application/command-request';
import { CurrentActor, Roles } from '@app/auth';
import { ApiProblems } from '../../http/openapi.decorators';
import { JobAcceptedDto } from '../../jobs/job-accepted.response.dto';
import { READER_ROLES } from '../../targets/redaction';
import { StartCaseExportCommand } from './start-case-export.command';
import { StartCaseExportRequestDto } from './start-case-export.request.dto';

@ApiTags('incidents')
@Controller('incidents')
export class StartCaseExportHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post('exports')
  @Roles(...READER_ROLES)
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({
    summary: 'Case-level data as a job: GET /incidents/export for long exports, with progress',
    description:
      'The rows of GET /incidents/export (same filters, `asOf`, `format`, `profile` and `lang`, ' +
      'and the same bytes for the same position), written by a job. Without `asOf` the export ' +
      'reads where the statistics stand now. Follow it with GET /jobs/{jobId}: `progressDetail` ' +
      'counts the acts written of the total; its result names the position and the file, ' +
      'downloaded from GET /exports/{jobId}/files/{name} for 24 hours. Names only for the ' +
      "roles that see them: the file of an admin, monitor or verifier is not an analyst's. " +
      'The same request at the same position is the same job; so is the same Idempotency-Key.',
  })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'The same key is the same job (another request with it: 422)',
  })
  @ApiAcceptedResponse({
    type: JobAcceptedDto,
    description: 'The job, queued (or the same job, for the same request or key).',
  })
  @ApiProblems(400, 422)
  @ApiServiceUnavailableResponse({
    description: 'Redis (the job queue) is down, or the statistics lag: nothing was started.',
  })
  start(
    @Body() body: StartCaseExportRequestDto,
    @Req() request: RequestLike,
    @CurrentActor() actor: Actor,
  ): Promise<JobAcceptedDto> {
    return this.commandBus.execute(
      new StartCaseExportCommand(body, commandContext(request, actor)),
    );
  }
}
