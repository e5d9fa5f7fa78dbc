import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { filtersInWords, queryTitle } from '@app/charts';
import { SQL_CLIENT, SqlClient, SqlExecutor } from '@app/database';
import { Position } from '@app/event-store';
import { IncidentProjections } from '../incidents/incident-projections.service';
import { ProjectionFreshness } from '../projection-freshness';
import { SnapshotPositions } from '../snapshots/snapshot-positions';
import { Bind, filterConditions, parameters } from './incident-filters.sql';
import { KnownPosition, positionAtTime, timeOfPosition } from './knowledge-positions';
import { GetStatsQuery } from './get-stats.query';
import { AsOf } from './as-of';
import { compareKeys, dimensionSql, Key, labelOfKey, Measure } from './stats-dimensions';
import { definitions } from './stats-definitions';
import { StatsResponseDto, StatsRowDto } from './stats.response.dto';

/**
 * Counts over the act fact table `rm_acts`, set-based: one GROUP BY with a grouping set for
 * the total, in one snapshot together with the projection position it reflects.
 */
@QueryHandler(GetStatsQuery)
export class GetStatsHandler implements IQueryHandler<GetStatsQuery> {
  constructor(
    @Inject(SQL_CLIENT) private readonly sql: SqlClient,
    private readonly freshness: ProjectionFreshness,
    private readonly snapshots: SnapshotPositions,
    private readonly projections: IncidentProjections,
  ) {}

  async execute(request: GetStatsQuery): Promise<StatsResponseDto> {
    // A snapshot is the position it pinned: the same figures whatever happened since.
    const query =
      request.asOf.kind === 'snapshot'
        ? request.withAsOf({
            kind: 'position',
            position: await this.snapshots.resolve(request.workspaceId, request.asOf.snapshotId),
            snapshotId: request.asOf.snapshotId,
          })
        : request;
    const { measure, groupBy, filters, asOf, lang } = query;
    if (query.after !== undefined) await this.freshness.waitFor(query.after, 'after');
    // "As of P" is only final once the projection has passed P; "as of a time" once it has
    // passed everything committed so far (an event recorded before the time may be unprojected).
    if (asOf.kind === 'position') await this.freshness.waitFor(asOf.position, 'asOf');
    if (asOf.kind === 'time') await this.freshness.waitForHead();

    const { cut, rows } = await this.sql.transaction(async (tx) => {
      await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
      // Compiling these plans costs more than it saves (~200 ms of a 600 ms query at 1M acts).
      await tx.query('SET LOCAL jit = off');
      // count(DISTINCT) sorts: in memory rather than in temporary files (4 MB by default).
      await tx.query(`SET LOCAL work_mem = '64MB'`);
      // Every answer is a position cut, a time resolved to the position it stands for, so
      // that asOf=<the position answered> gives these figures again to the digit.
      const cut =
        asOf.kind === 'time'
          ? await positionAtTime(tx, query.workspaceId, asOf.at)
          : await this.timeOf(tx, query, asOf.kind === 'position' ? asOf.position : undefined);
      const at =
        asOf.kind === 'time' ? query.withAsOf({ kind: 'position', position: cut.position }) : query;
      const { sql, values } = statsSql(at);
      const result = await tx.query<Record<string, Key> & { is_total: number; value: number }>(
        sql,
        values,
      );
      return { cut, rows: result.rows };
    });

    const total = rows.find((r) => r.is_total === 1)?.value ?? 0;
    const grouped: StatsRowDto[] = rows
      .filter((r) => r.is_total === 0)
      .map((r) => ({
        keys: Object.fromEntries(groupBy.map((g, i) => [g, r[`k${i}`]])),
        labels: Object.fromEntries(groupBy.map((g, i) => [g, labelOfKey(g, r[`k${i}`], lang)])),
        value: r.value,
      }))
      .sort((a, b) => {
        for (const g of groupBy) {
          const order = compareKeys(g, a.keys[g], b.keys[g]);
          if (order !== 0) return order;
        }
        return 0;
      });

    const snapshotId = asOf.kind === 'position' ? (asOf.snapshotId ?? null) : null;
    const stamp = { position: cut.position, positionTime: cut.time, snapshotId };
    return {
      measure,
      groupBy: [...groupBy],
      lang,
      title: queryTitle(measure, groupBy, lang),
      rows: groupBy.length === 0 ? [{ keys: {}, labels: {}, value: total }] : grouped,
      total,
      ...stamp,
      asOf: describeAsOf(asOf),
      filters: filtersInWords(filters, lang),
      definitions: definitions(measure, groupBy, filters, stamp, asOf.kind !== 'current', lang),
    };
  }

  /** The position the answer reflects (`position`, or how far the projection got) and its time. */
  private async timeOf(
    tx: SqlExecutor,
    query: GetStatsQuery,
    position: Position | undefined,
  ): Promise<KnownPosition> {
    const at = position ?? (await this.projections.position(tx));
    return { position: at, time: (await timeOfPosition(tx, query.workspaceId, at)).time };
  }
}

function describeAsOf(asOf: AsOf): string | null {
  switch (asOf.kind) {
    case 'current':
      return null;
    case 'position':
      return asOf.snapshotId !== undefined ? `snapshot:${asOf.snapshotId}` : asOf.position;
    case 'snapshot':
      return `snapshot:${asOf.snapshotId}`;
    case 'time':
      return asOf.at;
  }
}

/**
 * The rows a measure looks at, the unit it counts, and whether each unit is one row (counted
 * with count(*), which hashes) or may span several (count(DISTINCT), which sorts).
 */
interface MeasureSql {
  rows?: string;
  unit: string;
  oneRowPerUnit: boolean;
  /** Whether a unit is a person as merged at the query's position (`mergeJoinSql`). */
  merged?: boolean;
}

const MEASURE_SQL: Record<Measure, MeasureSql> = {
  incidents: { unit: 'r.incident_id', oneRowPerUnit: false },
  acts: { rows: 'r.act_id IS NOT NULL', unit: 'r.act_id', oneRowPerUnit: true },
  // A duplicate person's acts count as the kept person's: the human counts once.
  persons: {
    rows: `r.target_kind = 'person'`,
    unit: 'coalesce(m.into_id, r.target_id)',
    oneRowPerUnit: false,
    merged: true,
  },
  organisations: {
    rows: `r.target_kind = 'organisation'`,
    unit: 'r.target_id',
    oneRowPerUnit: false,
  },
};

/**
 * Incidents grouped and filtered by what belongs to the incident (not to one of its acts) fall
 * in the same groups through every act: the one row standing for each incident counts them.
 */
const INCIDENTS_BY_INCIDENT_ROW: MeasureSql = {
  rows: 'r.incident_row',
  unit: 'r.incident_id',
  oneRowPerUnit: true,
};

/**
 * The merge of each act's person as known at `asOf` (at most one: a person is merged once at a
 * time), joined as `m`. Merges have the same knowledge intervals as the acts, so a figure as
 * of a position before a merge counts the two records apart, as it did then.
 */
export function mergeJoinSql(asOf: AsOf, bind: Bind): string {
  let known: string;
  if (asOf.kind === 'current') known = 'm.superseded_by IS NULL';
  else if (asOf.kind === 'position') {
    const p = bind(asOf.position);
    known = `m.known_from <= ${p} AND (m.superseded_by IS NULL OR m.superseded_by > ${p})`;
  } else {
    throw new Error('a time or a snapshot is resolved to its position before the query is built');
  }
  return (
    ' LEFT JOIN rm_person_merges m ON m.workspace_id = r.workspace_id' +
    ` AND m.person_id = r.target_id AND ${known}`
  );
}

function measureSql(query: GetStatsQuery): MeasureSql {
  const actLevel =
    query.groupBy.includes('targetCategory') || query.filters.targetCategory !== undefined;
  return query.measure === 'incidents' && !actLevel
    ? INCIDENTS_BY_INCIDENT_ROW
    : MEASURE_SQL[query.measure];
}

/**
 * Which rows were known at `asOf`, as one condition per partition read: the current rows, and
 * for an earlier point also the superseded rows whose interval spans it. Two branches rather
 * than `current OR superseded_by > P`, because an OR keeps the planner from using the history
 * partition's index on when a row was superseded: with it, an asOf query reads the history
 * rows closed after P instead of every history row of the year (measured: 17.6k heap pages
 * instead of 43.9k, 0.52 of the time at 1M events).
 */
export function knowledgeSql(asOf: AsOf, bind: Bind): string[] {
  switch (asOf.kind) {
    case 'current':
      return ['r.current']; // the current partition only
    case 'position': {
      const p = bind(asOf.position);
      return [
        `r.current AND r.known_from <= ${p}`,
        `NOT r.current AND r.superseded_by > ${p} AND r.known_from <= ${p}`,
      ];
    }
    case 'time':
    case 'snapshot':
      throw new Error('a time or a snapshot is resolved to its position before the query is built');
  }
}

/**
 * The statement and its parameters; user input only ever reaches it as parameters. One pass:
 * a grouping set per group-by and one for the total. An act is one row of `rm_acts` as known
 * then (and so, mostly, is an incident: `measureSql`), so it is count(*), hashable unlike
 * count(DISTINCT); unnesting an array repeats the row, so the total then counts only its
 * `first` one. The other measures count distinct ids.
 */
export function statsSql(query: GetStatsQuery): { sql: string; values: unknown[] } {
  const { values, bind } = parameters();
  const { groupBy, filters, asOf } = query;
  const { rows, unit, oneRowPerUnit, merged } = measureSql(query);
  const mergeJoin = merged ? mergeJoinSql(asOf, bind) : '';
  const where = [
    `r.workspace_id = ${bind(query.workspaceId)}`,
    ...(rows !== undefined ? [rows] : []),
    ...filterConditions(filters, 'rm_acts', bind),
  ];
  const dimensions = groupBy.map((g, i) => dimensionSql(g, filters, i));
  const first = dimensions.flatMap((d) => (d.first === undefined ? [] : [d.first]));
  const facts = knowledgeSql(asOf, bind)
    .map(
      (known) =>
        `SELECT ${unit} AS u, ${first.length === 0 ? 'true' : first.join(' AND ')} AS first` +
        dimensions.map((d, i) => `, ${d.key} AS k${i}`).join('') +
        ` FROM rm_acts r${mergeJoin} ${dimensions.map((d) => d.join ?? '').join(' ')}` +
        ` WHERE ${[...where, known].join(' AND ')}`,
    )
    .join(' UNION ALL ');
  const [value, total] = oneRowPerUnit
    ? ['count(*)::int', 'count(*) FILTER (WHERE f.first)::int']
    : ['count(DISTINCT f.u)::int', 'count(DISTINCT f.u)::int'];
  if (dimensions.length === 0) {
    return { sql: `SELECT 1 AS is_total, ${total} AS value FROM (${facts}) f`, values };
  }
  const keys = dimensions.map((_, i) => `k${i}`).join(', ');
  return {
    sql:
      `SELECT ${keys}, GROUPING(k0)::int AS is_total,` +
      ` CASE WHEN GROUPING(k0) = 1 THEN ${total} ELSE ${value} END AS value` +
      ` FROM (${facts}) f GROUP BY GROUPING SETS ((${keys}), ())`,
    values,
  };
}
