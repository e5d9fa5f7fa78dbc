import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE, EventStore, Position } from '@app/event-store';
import { ValidationException } from '@app/application/validation.exception';
import { GetStatsQuery } from '@app/read-models/statistics/get-stats.query';
import { GetSuppressedStatsQuery } from './get-suppressed-stats.query';
import { PublicStatsResponseDto } from './public-stats.response.dto';
import { suppressSmallCells } from './small-cell-suppression';
import { WorkspaceVersion } from './workspace-version';
import { CachedStats, Tagged } from '../statistics/cached-stats';

/**
 * GET /stats with small cells suppressed, and the workspace's own version in place of the
 * global position (workspace-version.ts).
 */
@QueryHandler(GetSuppressedStatsQuery)
export class GetSuppressedStatsHandler implements IQueryHandler<GetSuppressedStatsQuery> {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly versions: WorkspaceVersion,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly cached: CachedStats,
  ) {}

  execute({
    stats,
    ifNoneMatch,
  }: GetSuppressedStatsQuery): Promise<Tagged<PublicStatsResponseDto>> {
    return this.cached.suppressed(stats, ifNoneMatch, () => this.suppressed(stats));
  }

  private async suppressed(asked: GetStatsQuery): Promise<PublicStatsResponseDto> {
    await this.refuseFutureVersions(asked);
    const query = await this.withinTheLog(asked);
    const stats = await this.queryBus.execute(query);
    const version = await this.versions.at(query.workspaceId, stats.position as Position);
    const groupBy = query.groupBy;
    // Each row is its own key, so its labels travel with it.
    const protectedTable = suppressSmallCells(
      { rows: stats.rows.map((row) => ({ keys: row, value: row.value })), total: stats.total },
      groupBy.map((g) => (row: (typeof stats.rows)[number]) => row.keys[g]),
    );
    return {
      measure: stats.measure,
      groupBy: stats.groupBy,
      rows: protectedTable.rows.map((r) => ({
        keys: r.keys.keys,
        labels: r.keys.labels,
        value: r.value,
      })),
      total: protectedTable.total,
      position: version,
      asOf: stats.asOf,
      // The statistics' own wording names the global position and its time: say the version.
      definitions: {
        ...stats.definitions,
        asOf:
          `As of this workspace's version ${version}: asking again with asOf=<version> gives ` +
          'the same figures. Other workspaces do not move it.',
      },
    };
  }

  /**
   * `asOf` past the workspace's latest version is refused, whether or not the log has reached
   * it: probing for the 400 "past the end of the log" would otherwise find the global head,
   * and with it everyone's activity. (A public answer's `position` is a version, so asOf
   * taken from one always passes.)
   */
  private async refuseFutureVersions(query: GetStatsQuery): Promise<void> {
    if (query.asOf.kind !== 'position' || query.asOf.snapshotId !== undefined) return;
    if (query.asOf.position > (await this.versions.at(query.workspaceId))) {
      throw new ValidationException([
        { field: 'asOf', message: "asOf is past this workspace's latest version" },
      ]);
    }
  }

  /**
   * `after` (read-your-writes of a colleague's write) past the end of the log reads as the
   * end of the log, for the same reason: a 400 there would tell where the log ends.
   */
  private async withinTheLog(query: GetStatsQuery): Promise<GetStatsQuery> {
    if (query.after === undefined) return query;
    const end = await this.store.lastCommittedPosition();
    if (query.after <= end) return query;
    return new GetStatsQuery(
      query.workspaceId,
      query.measure,
      query.groupBy,
      query.filters,
      query.asOf,
      end,
    );
  }
}
