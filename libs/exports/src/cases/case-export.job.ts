import { Injectable } from '@nestjs/common';
import { Lang } from '@app/domain';
import { JobContext, JobOutcome, JobReleased } from '@app/jobs/job-context';
import { JobRecords } from '@app/jobs/job-records';
import { IncidentFilters } from '@app/read-models/statistics/incident-filters';
import { CaseCut, CaseExportReader, CaseReader } from './case-export-reader';
import { CASE_MEDIA_TYPES, caseExportStream } from './case-export-writers';
import { CaseFormat, CaseProfile, CaseRow } from './case-rows';

/** What POST /incidents/exports records: everything resolved, so a run later reads the same. */
export interface CaseExportInput {
  kind: 'cases';
  workspaceId: string;
  actor: CaseReader['actor'];
  /** The rows carry names: only roles that see them may download the file. */
  names: boolean;
  filters: IncidentFilters;
  cut: CaseCut;
  format: CaseFormat;
  profile: CaseProfile;
  lang: Lang;
  /** The Idempotency-Key's request hash, when a key named the job. */
  requestHash?: string;
}

export interface CaseExportResult {
  asOf: { position: string; time: string | null; snapshotId: string | null };
  acts: number;
  files: { name: string; contentType: string; bytes: number; url: string }[];
}

/** How long a case export is kept: it may carry names, so it does not stay for good. */
export const CASE_EXPORT_KEEP_SECONDS = 24 * 3600;

export function caseFileName(profile: CaseProfile, format: CaseFormat): string {
  return `acts-${profile}.${format}`;
}

/**
 * GET /incidents/export as a job: the same reader and writer, so the file has the bytes the
 * GET sends for the same position, stored chunk by chunk as it is written (never whole in
 * memory) and counted for progress (acts written of the total). A run again after a crash or
 * a shutdown writes the file afresh at the same position.
 */
@Injectable()
export class CaseExportJob {
  constructor(
    private readonly reader: CaseExportReader,
    private readonly records: JobRecords,
  ) {}

  async run(context: JobContext): Promise<JobOutcome> {
    const { id } = context.record;
    const input = context.record.input as unknown as CaseExportInput;
    // Expired exports go when the next one runs; downloads refuse them before that.
    await this.records.removeExpired();
    const { cut, filters, profile, lang, format } = input;
    const total = await this.reader.count(input.workspaceId, cut, filters);
    let done = 0;
    const progress = (): Promise<void> =>
      context.progress(total === 0 ? 99 : Math.min(99, (100 * done) / total), {
        done,
        total,
        unit: 'acts',
      });
    await progress();
    const rows = this.reader.rows(
      { actor: input.actor, names: input.names },
      cut,
      filters,
      profile,
      lang,
    );
    async function* counted(): AsyncGenerator<CaseRow> {
      for await (const row of rows) {
        if (context.stopping()) throw new JobReleased();
        done++;
        yield row;
        if (done % 500 === 0) await progress();
      }
    }
    const name = caseFileName(profile, format);
    const content = caseExportStream(
      format,
      this.reader.head(cut, filters, profile, lang),
      counted(),
    );
    const bytes = await this.records.putFileStream(
      id,
      { name, contentType: CASE_MEDIA_TYPES[format] },
      content,
    );
    const result: CaseExportResult = {
      asOf: { position: cut.position, time: cut.time, snapshotId: cut.snapshotId },
      acts: done,
      files: [
        {
          name,
          contentType: CASE_MEDIA_TYPES[format],
          bytes,
          url: `/exports/${id}/files/${name}`,
        },
      ],
    };
    // The last word on progress: every act written.
    await this.records.progress(id, 99, { done, total: done, unit: 'acts' });
    return { result, errors: [] };
  }
}
