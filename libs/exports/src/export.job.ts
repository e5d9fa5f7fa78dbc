import { Injectable } from '@nestjs/common';
import { DomainError, Lang } from '@app/domain';
import { QueryBus } from '@nestjs/cqrs';
import { chartSpec } from '@app/charts';
import { GetStatsQuery } from '@app/read-models/statistics/get-stats.query';
import { AsOf } from '@app/read-models/statistics/as-of';
import { GroupBy, Measure } from '@app/read-models/statistics/stats-dimensions';
import { IncidentFilters } from '@app/read-models/statistics/incident-filters';
import { StatsResponseDto } from '@app/read-models/statistics/stats.response.dto';
import { MatchReferenceFiguresQuery } from '@app/read-models/reference-figures/match-reference-figures.query';
import { JobContext, JobOutcome, JobWork } from '@app/jobs/job-context';
import { JobRecords } from '@app/jobs/job-records';
import { renderCharts } from './charts/export-charts';
import { pngInfo } from './charts/png-resolution';
import { Breakdown, exportWorkbook } from './export-workbook';
import { CaseExportJob } from './cases/case-export.job';

export interface ExportQuery {
  measure: Measure;
  groupBy: GroupBy[];
  filters: IncidentFilters;
}

export interface ExportInput {
  workspaceId: string;
  queries: ExportQuery[];
  asOf: AsOf;
  /** The language of every text of the workbook and the charts (default en). */
  lang?: Lang;
  /** The asOf as the request gave it, for the reference figures. */
  asOfAsked?: string;
}

export interface ExportedFile {
  name: string;
  contentType: string;
  bytes: number;
  url: string;
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * A statistics workbook and its charts, every figure from the same GetStatsQuery as GET /stats
 * at one knowledge position, so the workbook, the charts and GET /stats?asOf=<position> agree.
 */
@Injectable()
export class ExportJob implements JobWork {
  readonly type = 'export' as const;

  constructor(
    private readonly queries: QueryBus,
    private readonly records: JobRecords,
    private readonly cases: CaseExportJob,
  ) {}

  async run(context: JobContext): Promise<JobOutcome> {
    // Case-level exports travel with the statistics exports: same queue, same downloads.
    if ((context.record.input as { kind?: string }).kind === 'cases') {
      return this.cases.run(context);
    }
    try {
      return await this.export(context);
    } catch (error) {
      // `asOf=snapshot:<id>` of no snapshot of this workspace: the request's problem, not a failure.
      if (error instanceof DomainError && error.kind === 'not_found') {
        return { result: null, errors: [{ field: 'asOf', message: error.message }] };
      }
      throw error;
    }
  }

  private async export(context: JobContext): Promise<JobOutcome> {
    const { id } = context.record;
    const input = context.record.input as unknown as ExportInput;
    const lang = input.lang ?? 'en';
    // Every figure at the same asOf (the request pinned "now" to a position).
    const stats = (q: ExportQuery, groupBy: GroupBy[] = q.groupBy): Promise<StatsResponseDto> =>
      this.queries.execute(
        new GetStatsQuery(
          input.workspaceId,
          q.measure,
          groupBy,
          q.filters,
          input.asOf,
          undefined,
          lang,
        ),
      );

    const breakdowns: Breakdown[] = [];
    for (const [i, q] of input.queries.entries()) {
      const answer = await stats(q);
      breakdowns.push({
        stats: answer,
        // A cross-tab's totals are the measure by each dimension alone, not sums of cells.
        margins:
          q.groupBy.length === 2
            ? [await stats(q, [q.groupBy[0]]), await stats(q, [q.groupBy[1]])]
            : undefined,
        references: await this.queries.execute(
          new MatchReferenceFiguresQuery(
            input.workspaceId,
            q.measure,
            q.groupBy,
            q.filters,
            input.asOfAsked ?? answer.position,
            input.asOf,
          ),
        ),
      });
      await context.progress((60 * (i + 1)) / input.queries.length);
    }
    // One chart per query, its shape chosen from the query's group-by.
    const charts = await renderCharts(
      breakdowns.map((b, i) => ({
        name: chartName(i, input.queries[i]),
        spec: chartSpec(b.stats, { filters: input.queries[i].filters }, lang),
      })),
    );
    charts.forEach((c, i) => (breakdowns[i].chart = { png: c.png, ...pngInfo(c.png) }));
    await context.progress(80);
    const workbook = await exportWorkbook(breakdowns, lang);
    await context.progress(90);

    const files = [
      { name: 'statistics.xlsx', contentType: XLSX, content: workbook },
      ...charts.flatMap((c) => [
        {
          name: `${c.name}.svg`,
          contentType: 'image/svg+xml',
          content: Buffer.from(c.svg, 'utf8'),
        },
        { name: `${c.name}.png`, contentType: 'image/png', content: c.png },
      ]),
    ];
    for (const file of files) await this.records.putFile(id, file);
    const exported: ExportedFile[] = files.map((f) => ({
      name: f.name,
      contentType: f.contentType,
      bytes: f.content.length,
      url: `/exports/${id}/files/${f.name}`,
    }));
    const { position, positionTime, snapshotId } = breakdowns[0].stats;
    // `time` is the position's, never the request's.
    const asOf = { position, time: positionTime, snapshotId };
    return { result: { asOf, files: exported }, errors: [] };
  }
}

/** `2-acts-by-month-and-source`: the sheet's number and its query. */
function chartName(i: number, q: ExportQuery): string {
  return `${i + 1}-${q.measure}${q.groupBy.length === 0 ? '-total' : `-by-${q.groupBy.join('-and-')}`}`;
}
