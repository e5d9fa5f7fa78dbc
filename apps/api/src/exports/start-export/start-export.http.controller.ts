import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiAcceptedResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Actor } from '@app/application';
import { CurrentActor, Roles } from '@app/auth';
import { ApiProblems } from '../../http/openapi.decorators';
import { JobAcceptedDto } from '../../jobs/job-accepted.response.dto';
import { StartExportCommand } from './start-export.command';
import { StartExportRequestDto } from './start-export.request.dto';

@ApiTags('exports')
@Controller('exports')
export class StartExportHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @Roles('admin', 'monitor', 'verifier', 'analyst')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({
    summary: 'A statistics workbook (XLSX) and charts (SVG, PNG), as a job',
    description:
      'One sheet per query (title, position and its time, filters in words, the table — a cross-tab with totals for two dimensions — and its chart), a definitions sheet and a sources sheet (reference figures), all in `lang`; one chart per query, chosen from its group-by, as SVG and as PNG at print size (≥ 2,000 px, 300 dpi). Follow the job with GET /jobs/{jobId}; its result lists the files, downloaded from GET /exports/{jobId}/files/{name}. The same request at the same position is the same job.',
  })
  @ApiAcceptedResponse({
    type: JobAcceptedDto,
    description: 'The job, queued (or the same job, for the same request at the same position).',
  })
  @ApiProblems(400)
  @ApiServiceUnavailableResponse({
    description: 'Redis (the job queue) is down: nothing was started.',
  })
  start(
    @Body() body: StartExportRequestDto,
    @CurrentActor() actor: Actor,
  ): Promise<JobAcceptedDto> {
    return this.commandBus.execute(new StartExportCommand(body, actor));
  }
}
