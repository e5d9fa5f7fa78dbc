import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { SQL_CLIENT, SqlClient } from '@app/database';
import { ProjectionFreshness } from '../projection-freshness';
import { filterConditions, parameters } from './incident-filters.sql';
import { LagCell, revisionTriangle } from './revision-triangle';
import { StatsLagQuery } from './stats-lag.query';
import { StatsLagResponseDto } from './stats-lag.response.dto';

/**
 * The revision triangle from the act fact table: for each act counted now (an open row) or
 * at `asOf`, its occurrence month and the month its first row was recorded (the earliest
 * `known_from_at` of any row of the act: corrections open new rows, never a new act).
 */
@QueryHandler(StatsLagQuery)
export class StatsLagHandler implements IQueryHandler<StatsLagQuery> {
  constructor(
    @Inject(SQL_CLIENT) private readonly sql: SqlClient,
    private readonly freshness: ProjectionFreshness,
  ) {}

  async execute(query: StatsLagQuery): Promise<StatsLagResponseDto> {
    if (query.after !== undefined) await this.freshness.waitFor(query.after);
    const { sql, values } = lagSql(query);
    const { rows } = await this.sql.query<LagCell>(sql, values);
    return {
      rows: revisionTriangle(rows),
      asOf: query.asOf ?? null,
      definitions: definitions(query.asOf),
    };
  }
}

/** The statement and its parameters; user input only ever reaches it as parameters. */
export function lagSql({ workspaceId, filters, asOf }: StatsLagQuery): {
  sql: string;
  values: unknown[];
} {
  const { values, bind } = parameters();
  const workspace = bind(workspaceId);
  let knowledge = 'r.current';
  if (asOf !== undefined) {
    const t = `${bind(asOf)}::timestamptz`;
    knowledge = `r.known_from_at <= ${t} AND (r.current OR r.superseded_at > ${t})`;
  }
  const where = [
    `r.workspace_id = ${workspace}`,
    knowledge,
    'r.act_id IS NOT NULL',
    'r.month IS NOT NULL',
    ...filterConditions(filters, 'rm_acts', bind),
  ];
  return {
    sql: `
WITH counted AS (SELECT r.act_id, r.month FROM rm_acts r WHERE ${where.join(' AND ')}),
     first_known AS (
       SELECT c.month, min(a.known_from_at) AS first_at
         FROM counted c JOIN rm_acts a ON a.act_id = c.act_id AND a.workspace_id = ${workspace}
        GROUP BY c.act_id, c.month)
SELECT month, to_char(first_at AT TIME ZONE 'UTC', 'YYYY-MM') AS "knownMonth", count(*)::int AS acts
  FROM first_known GROUP BY 1, 2`,
    values,
  };
}

function definitions(asOf: string | undefined): Record<string, string> {
  return {
    acts: 'Acts (Kadyr-Kasiyet\'s "threats"): incident × target pairs, counted as in GET /stats: retracted incidents and incidents merged into another are left out. Acts whose month is unknown (year precision) are left out too.',
    month: 'The month the act occurred (a range: the month it starts), as recorded now or at asOf.',
    lag: 'Months from the month an act occurred to the month (UTC) it was first recorded: 0 = recorded in the same month. Corrections and reclassifications do not change when an act was first known; an act first recorded before its (later corrected) month counts under 0.',
    reading:
      'Row 2021-03 with byLag["1"] = 12 means that twelve acts of March 2021 were first recorded in April 2021: a report can say "+12 March cases learned in April". byLag["0"] + … + byLag["k"] is how many of the acts counted now were already known k months after their month; total minus that is what arrived later.',
    asOf:
      asOf === undefined
        ? 'The triangle as recorded now.'
        : `The triangle as known at ${asOf}: acts recorded, corrected or retracted later are as they were then.`,
  };
}
