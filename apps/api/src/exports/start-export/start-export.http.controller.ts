import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Actor } from '@app/application';
import { CurrentActor, Roles } from '@app/auth';
import { IncidentProjections } from '@app/read-models';
import { ApiProblems } from '../../http/openapi.decorators';
import { contentJobId } from '@app/jobs/job-context';
import { JobDispatcher, startJob } from '@app/jobs/job-dispatcher';
import { JobRecords } from '@app/jobs/job-records';
import { JobAcceptedDto } from '../../jobs/job-accepted.response.dto';
import { AsOf, asOfOf } from '../../statistics/get-stats/get-stats.request.dto';
import { filtersOf } from '../../statistics/incident-filters.request.dto';
import { ExportInput } from '@app/exports/export.job';
import { StartExportRequestDto } from './start-export.request.dto';

@ApiTags('exports')
@Controller('exports')
export class StartExportHttpController {
  constructor(
    private readonly records: JobRecords,
    private readonly dispatcher: JobDispatcher,
    private readonly projections: IncidentProjections,
  ) {}

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
  async start(
    @Body() body: StartExportRequestDto,
    @CurrentActor() actor: Actor,
  ): Promise<JobAcceptedDto> {
    const queries = body.queries.map((q) => ({
      measure: q.measure,
      groupBy: q.groupBy ?? [],
      filters: filtersOf(q),
    }));
    // "Now" becomes the position the statistics stand at: the export reads exactly that.
    const asOf: AsOf =
      body.asOf === undefined
        ? { kind: 'position', position: await this.projections.position() }
        : asOfOf(body.asOf);
    const input: ExportInput = {
      workspaceId: actor.workspaceId,
      queries,
      asOf,
      lang: body.lang ?? 'en',
      asOfAsked: body.asOf,
    };
    const jobId = contentJobId(
      'export',
      actor.workspaceId,
      JSON.stringify(queries),
      JSON.stringify(asOf),
      input.lang!,
    );
    await startJob(this.records, this.dispatcher, {
      id: jobId,
      workspaceId: actor.workspaceId,
      type: 'export',
      input: input as unknown as Record<string, unknown>,
    });
    return { jobId };
  }
}
