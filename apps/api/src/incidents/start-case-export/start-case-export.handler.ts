import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { IdempotencyKeyReused } from '@app/application/command-executor';
import { CaseExportReader } from '@app/exports/cases/case-export-reader';
import { CASE_EXPORT_KEEP_SECONDS, CaseExportInput } from '@app/exports/cases/case-export.job';
import { contentJobId } from '@app/jobs/job-context';
import { JobDispatcher, startJob } from '@app/jobs/job-dispatcher';
import { JobRecords } from '@app/jobs/job-records';
import { ProjectionFreshness } from '@app/read-models/projection-freshness';
import { JobAcceptedDto } from '../../jobs/job-accepted.response.dto';
import { asOfOf } from '../../statistics/get-stats/get-stats.request.dto';
import { afterOf, filtersOf } from '../../statistics/incident-filters.request.dto';
import { seesPersonalData } from '../../targets/redaction';
import { WorkspaceTags } from '../../workspace-tags/workspace-tags';
import { StartCaseExportCommand } from './start-case-export.command';

/**
 * Records the case export as a job, everything resolved now: the position (without `asOf`,
 * where the statistics stand), the filters, and whether the rows carry names (the caller's
 * role). The same request at the same position is the same job; with an Idempotency-Key,
 * the key names the job, and the key again with another request is refused (422).
 */
@CommandHandler(StartCaseExportCommand)
export class StartCaseExportHandler implements ICommandHandler<StartCaseExportCommand> {
  constructor(
    private readonly records: JobRecords,
    private readonly dispatcher: JobDispatcher,
    private readonly reader: CaseExportReader,
    private readonly freshness: ProjectionFreshness,
    private readonly tags: WorkspaceTags,
  ) {}

  async execute({ request, context }: StartCaseExportCommand): Promise<JobAcceptedDto> {
    const { actor } = context;
    await this.tags.checkFilter(actor.role, actor.workspaceId, request.tag);
    const filters = filtersOf(request);
    const asOf = asOfOf(request.asOf);
    const after = afterOf(request);
    if (after !== undefined) await this.freshness.waitFor(after, 'after');
    await this.records.removeExpired();

    const keyed =
      context.idempotencyKey === undefined
        ? undefined
        : contentJobId('export', 'cases', actor.workspaceId, actor.userId, context.idempotencyKey);
    if (keyed !== undefined) {
      const known = await this.records.getInWorkspace(keyed, actor.workspaceId);
      if (known !== undefined) {
        if ((known.input as Partial<CaseExportInput>).requestHash !== context.requestHash) {
          throw new IdempotencyKeyReused();
        }
        // A failed job is queued again, as a retry of the same request.
        await startJob(this.records, this.dispatcher, {
          id: keyed,
          workspaceId: actor.workspaceId,
          type: 'export',
          input: known.input,
        });
        return { jobId: keyed };
      }
    }

    const cut = await this.reader.cut(actor.workspaceId, asOf);
    const input: CaseExportInput = {
      kind: 'cases',
      workspaceId: actor.workspaceId,
      actor: { workspaceId: actor.workspaceId, userId: actor.userId, role: actor.role },
      names: seesPersonalData(actor),
      filters,
      cut,
      format: request.format ?? 'csv',
      profile: request.profile ?? 'default',
      lang: request.lang ?? 'en',
      ...(keyed !== undefined && { requestHash: context.requestHash }),
    };
    const jobId =
      keyed ??
      contentJobId(
        'export',
        'cases',
        actor.workspaceId,
        // Names or not is part of the file: an analyst never gets a file made with names.
        String(input.names),
        JSON.stringify(filters),
        cut.position,
        cut.snapshotId ?? '',
        input.format,
        input.profile,
        input.lang,
      );
    await startJob(this.records, this.dispatcher, {
      id: jobId,
      workspaceId: actor.workspaceId,
      type: 'export',
      input: input as unknown as Record<string, unknown>,
      keepSeconds: CASE_EXPORT_KEEP_SECONDS,
    });
    return { jobId };
  }
}
