import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { keyOfFigure, matchesBreakdown } from '@app/domain';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { readSnapshot } from '../snapshots/pinned-snapshots';
import { GetStatsQuery } from '../statistics/get-stats.query';
import { StatsResponseDto } from '../statistics/stats.response.dto';
import { referenceFigureResponse } from './reference-figure.response.dto';
import { listReferenceFigures, StoredReferenceFigure } from './reference-figures';
import { MatchReferenceFiguresQuery } from './match-reference-figures.query';
import { ReferenceMatchDto } from './reference-match.response.dto';

const POSITION = /^\d{20}(\.\d{20})*$/;

/** Provided by StatisticsQueriesModule: the API and the export job both ask it. */
@QueryHandler(MatchReferenceFiguresQuery)
export class MatchReferenceFiguresHandler implements IQueryHandler<MatchReferenceFiguresQuery> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly queryBus: QueryBus,
  ) {}

  async execute(q: MatchReferenceFiguresQuery): Promise<ReferenceMatchDto[]> {
    const { from, to, ...filters } = q.filters;
    const breakdown = { measure: q.measure, groupBy: q.groupBy, filters, from, to };
    const known = await this.knownAt(q.workspaceId, q.asOf);
    const figures = (await listReferenceFigures(this.store, q.workspaceId)).filter(
      (f) => known(f) && matchesBreakdown(f, breakdown),
    );
    // Ours over the figure's own period: "482 in 2020" stands beside our 2020 count.
    const tables = new Map<string, Promise<StatsResponseDto>>();
    const oursIn = (f: StoredReferenceFigure) => {
      const key = `${f.period.from ?? ''}..${f.period.to}`;
      if (!tables.has(key)) {
        const period = {
          ...q.filters,
          from: later(from, f.period.from),
          to: earlier(to, f.period.to),
        };
        tables.set(
          key,
          this.queryBus.execute(
            new GetStatsQuery(q.workspaceId, q.measure, q.groupBy, period, q.at, undefined),
          ),
        );
      }
      return tables.get(key)!;
    };
    const matches: ReferenceMatchDto[] = [];
    for (const f of figures) {
      const keys = Object.fromEntries(q.groupBy.map((g) => [g, keyOfFigure(f, g)!]));
      const table = await oursIn(f);
      const row = table.rows.find((r) =>
        q.groupBy.every((g) => r.keys[g] !== null && String(r.keys[g]) === keys[g]),
      );
      const ours = q.groupBy.length === 0 ? table.total : (row?.value ?? 0);
      matches.push({ ...referenceFigureResponse(f), keys, ours });
    }
    return matches;
  }

  /** Whether a figure was already recorded at the `asOf` asked (always, without one). */
  private async knownAt(
    workspaceId: string,
    asOf: string | undefined,
  ): Promise<(f: StoredReferenceFigure) => boolean> {
    if (asOf === undefined) return () => true;
    if (POSITION.test(asOf)) return (f) => f.position <= asOf;
    if (asOf.startsWith('snapshot:')) {
      const snapshot = await readSnapshot(this.store, workspaceId, asOf.slice('snapshot:'.length));
      const at = snapshot.pinnedAt ?? snapshot.recordedAt;
      return (f) => f.recordedAt <= at;
    }
    const at = Date.parse(asOf);
    return (f) => Date.parse(f.recordedAt) <= at;
  }
}

const later = (a?: string, b?: string) => (a === undefined ? b : b === undefined || a > b ? a : b);
const earlier = (a?: string, b?: string) =>
  a === undefined ? b : b === undefined || a < b ? a : b;
