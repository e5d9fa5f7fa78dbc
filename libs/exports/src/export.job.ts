import { Injectable } from '@nestjs/common';
import { DomainError } from '@app/domain';
import { QueryBus } from '@nestjs/cqrs';
import { GetStatsQuery } from '@app/read-models/statistics/get-stats.query';
import { AsOf } from '@app/read-models/statistics/as-of';
import { GroupBy, Measure } from '@app/read-models/statistics/stats-dimensions';
import { IncidentFilters } from '@app/read-models/statistics/incident-filters';
import { JobContext, JobOutcome, JobWork } from '@app/jobs/job-context';
import { JobRecords } from '@app/jobs/job-records';
import { bySourceSpec, monthlyByCategorySpec, renderCharts } from './charts/export-charts';
import { AsOfStamp, Breakdown, exportWorkbook, stampLine } from './export-workbook';

export interface ExportQuery {
  measure: Measure;
  groupBy: GroupBy[];
  filters: IncidentFilters;
}

export interface ExportInput {
  workspaceId: string;
  queries: ExportQuery[];
  asOf: AsOf;
  /** When the figures stand: the asOf time asked, or the time of the request. */
  asOfTime: string;
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
  ) {}

  async run(context: JobContext): Promise<JobOutcome> {
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
    const stats = (q: ExportQuery, asOf: AsOf) =>
      this.queries.execute(
        new GetStatsQuery(input.workspaceId, q.measure, q.groupBy, q.filters, asOf, undefined),
      );

    // Every figure at the same asOf (the request pinned "now" to a position).
    const { asOf } = input;
    const breakdowns: Breakdown[] = [];
    for (const [i, q] of input.queries.entries()) {
      breakdowns.push({ title: titleOf(q), stats: await stats(q, asOf) });
      await context.progress((60 * (i + 1)) / input.queries.length);
    }
    const monthly = await stats(
      { measure: 'acts', groupBy: ['month', 'targetCategory'], filters: { sourceRole: 'main' } },
      asOf,
    );
    const stamp: AsOfStamp = { position: monthly.position, time: input.asOfTime };
    const bySource = await stats(
      { measure: 'acts', groupBy: ['source'], filters: { sourceRole: 'main' } },
      asOf,
    );
    const workbook = await exportWorkbook(breakdowns, stamp);
    await context.progress(70);
    const charts = await renderCharts([
      {
        name: 'acts-by-month-and-category',
        spec: monthlyByCategorySpec(monthly, stampLine(stamp)),
      },
      { name: 'acts-by-source', spec: bySourceSpec(bySource, stampLine(stamp)) },
    ]);
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
    return { result: { asOf: stamp, files: exported }, errors: [] };
  }
}

function titleOf(q: ExportQuery): string {
  return q.groupBy.length === 0
    ? `${q.measure} total`
    : `${q.measure} by ${q.groupBy.join(' and ')}`;
}
