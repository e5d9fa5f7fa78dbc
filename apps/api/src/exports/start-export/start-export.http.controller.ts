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
import { ApiProblems } from '../../shared/openapi.decorators';
import { contentJobId } from '@app/jobs/job-context';
import { JobDispatcher, startJob } from '@app/jobs/job-dispatcher';
import { JobRecords } from '@app/jobs/job-records';
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
      'One sheet per query, a definitions sheet and the "as of" stamp (position and time); charts of acts per month by target category and of acts by source of threat. Follow the job with GET /jobs/{jobId}; its result lists the files, downloaded from GET /exports/{jobId}/files/{name}. The same request at the same position is the same job.',
  })
  @ApiAcceptedResponse({
    schema: { example: { jobId: 'export-0c1b2d4e5f60718293a4b5c6d7e8f9a0b1c23f9a' } },
  })
  @ApiProblems(400)
  @ApiServiceUnavailableResponse({
    description: 'Redis (the job queue) is down: nothing was started.',
  })
  async start(
    @Body() body: StartExportRequestDto,
    @CurrentActor() actor: Actor,
  ): Promise<{ jobId: string }> {
    const queries = body.queries.map((q) => ({
      measure: q.measure,
      groupBy: q.groupBy ?? [],
      filters: filtersOf(q),
    }));
    const requested = new Date().toISOString();
    // "Now" becomes the position the statistics stand at: the export reads exactly that.
    const asOf: AsOf =
      body.asOf === undefined
        ? { kind: 'position', position: await this.projections.position() }
        : asOfOf(body.asOf);
    const input: ExportInput = {
      workspaceId: actor.workspaceId,
      queries,
      asOf,
      asOfTime: asOf.kind === 'time' ? asOf.at : requested,
    };
    const jobId = contentJobId(
      'export',
      actor.workspaceId,
      JSON.stringify(queries),
      JSON.stringify(asOf),
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
