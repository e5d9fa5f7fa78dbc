import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { IncidentProjections } from '@app/read-models';
import { contentJobId } from '@app/jobs/job-context';
import { JobDispatcher, startJob } from '@app/jobs/job-dispatcher';
import { JobRecords } from '@app/jobs/job-records';
import { ExportInput } from '@app/exports/export.job';
import { JobAcceptedDto } from '../../jobs/job-accepted.response.dto';
import { AsOf, asOfOf } from '../../statistics/get-stats/get-stats.request.dto';
import { filtersOf } from '../../statistics/incident-filters.request.dto';
import { WorkspaceTags } from '../../workspace-tags/workspace-tags';
import { StartExportCommand } from './start-export.command';

@CommandHandler(StartExportCommand)
export class StartExportHandler implements ICommandHandler<StartExportCommand> {
  constructor(
    private readonly records: JobRecords,
    private readonly dispatcher: JobDispatcher,
    private readonly projections: IncidentProjections,
    private readonly tags: WorkspaceTags,
  ) {}

  async execute({ request: body, actor }: StartExportCommand): Promise<JobAcceptedDto> {
    for (const [i, q] of body.queries.entries()) {
      await this.tags.checkFilter(actor.role, actor.workspaceId, q.tag, `queries.${i}.tag`);
    }
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
    const lang = body.lang ?? 'en';
    const input: ExportInput = {
      workspaceId: actor.workspaceId,
      queries,
      asOf,
      lang,
      asOfAsked: body.asOf,
    };
    const jobId = contentJobId(
      'export',
      actor.workspaceId,
      JSON.stringify(queries),
      JSON.stringify(asOf),
      lang,
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
