import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Lang } from '@app/domain';
import { CaseExportReader } from '@app/exports/cases/case-export-reader';
import { caseExportStream } from '@app/exports/cases/case-export-writers';
import { caseFileName } from '@app/exports/cases/case-export.job';
import { CaseProfile } from '@app/exports/cases/case-rows';
import { ProjectionFreshness } from '@app/read-models/projection-freshness';
import { afterOf, filtersOf } from '../../statistics/incident-filters.request.dto';
import { asOfOf } from '../../statistics/get-stats/get-stats.request.dto';
import { seesPersonalData } from '../../targets/redaction';
import { WorkspaceTags } from '../../workspace-tags/workspace-tags';
import { CaseExport, ExportIncidentsQuery } from './export-incidents.query';

/**
 * The acts GET /stats counts (same filters, same `asOf`), one row each, streamed while they
 * are read (libs/exports/src/cases). One position for the whole file: without `asOf`, where
 * the statistics stand when the export starts.
 */
@QueryHandler(ExportIncidentsQuery)
export class ExportIncidentsHandler implements IQueryHandler<ExportIncidentsQuery> {
  constructor(
    private readonly reader: CaseExportReader,
    private readonly freshness: ProjectionFreshness,
    private readonly tags: WorkspaceTags,
  ) {}

  async execute({ actor, request, format }: ExportIncidentsQuery): Promise<CaseExport> {
    // Every check happens here, before the first byte: later only the rows are written.
    await this.tags.checkFilter(actor.role, actor.workspaceId, request.tag);
    const filters = filtersOf(request);
    const after = afterOf(request);
    if (after !== undefined) await this.freshness.waitFor(after, 'after');
    const cut = await this.reader.cut(actor.workspaceId, asOfOf(request.asOf));
    const lang: Lang = request.lang ?? 'en';
    const profile: CaseProfile = request.profile ?? 'default';
    const rows = this.reader.rows(
      { actor, names: seesPersonalData(actor) },
      cut,
      filters,
      profile,
      lang,
    );
    return {
      format,
      filename: caseFileName(profile, format),
      position: cut.position,
      positionTime: cut.time,
      content: caseExportStream(format, this.reader.head(cut, filters, profile, lang), rows),
    };
  }
}
