import { ForbiddenException, Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { SQL_CLIENT, SqlClient } from '@app/database';
import { neutralTitle } from '@app/domain';
import { ProjectionFreshness } from '@app/read-models/projection-freshness';
import { filterConditions, parameters } from '@app/read-models/statistics/incident-filters.sql';
import { afterOf, filtersOf } from '../../statistics/incident-filters.request.dto';
import { seesPersonalData } from '../../targets/redaction';
import { WorkspaceTags } from '../../workspace-tags/workspace-tags';
import { decodeCursor, encodeCursor } from './incident-cursor';
import { IncidentListDto, IncidentListItemDto } from './incident-list.response.dto';
import { IncidentPage, ListIncidentsQuery } from './list-incidents.query';

interface IncidentRow {
  id: string;
  title: string;
  country: string;
  region: string | null;
  type: string;
  family: string;
  occurred_date: string;
  occurred_precision: string;
  occurred_until: string | null;
  status: string;
  verified: boolean;
  target_count: number;
  target_categories: string[];
  updated_at: string;
}

const STATUS = `CASE WHEN r.status = 'retracted' THEN 'retracted'
  WHEN r.duplicate_of IS NOT NULL THEN 'duplicate' ELSE 'recorded' END`;

/** A page of `rm_incidents`, keyset-paginated on (occurred_date DESC, incident_id). */
@QueryHandler(ListIncidentsQuery)
export class ListIncidentsHandler implements IQueryHandler<ListIncidentsQuery> {
  constructor(
    @Inject(SQL_CLIENT) private readonly sql: SqlClient,
    private readonly freshness: ProjectionFreshness,
    private readonly tags: WorkspaceTags,
  ) {}

  async execute({ actor, request }: ListIncidentsQuery): Promise<IncidentListDto> {
    await this.tags.checkFilter(actor.role, actor.workspaceId, request.tag);
    const full = seesPersonalData(actor);
    // Searching titles would tell an analyst which names they hold.
    if (!full && request.q !== undefined) {
      throw new ForbiddenException(
        'Searching titles (q) requires the role admin, monitor or verifier: titles may name people.',
      );
    }
    return this.page({
      workspaceId: actor.workspaceId,
      filters: filtersOf(request),
      status: request.status,
      text: request.q,
      limit: request.limit ?? 50,
      cursor: request.cursor === undefined ? undefined : decodeCursor(request.cursor),
      after: afterOf(request),
      redacted: !full,
    });
  }

  private async page(query: IncidentPage): Promise<IncidentListDto> {
    if (query.after !== undefined) await this.freshness.waitFor(query.after);

    const { values, bind } = parameters();
    const where = [
      `r.workspace_id = ${bind(query.workspaceId)}`,
      ...filterConditions(query.filters, 'rm_incidents', bind),
    ];
    if (query.status !== undefined) where.push(`(${STATUS}) = ANY(${bind(query.status)}::text[])`);
    if (query.text !== undefined) {
      where.push(`r.title ILIKE ${bind(`%${query.text.replace(/[\\%_]/g, '\\$&')}%`)} ESCAPE '\\'`);
    }
    if (query.cursor !== undefined) {
      const date = bind(query.cursor.occurredDate);
      where.push(
        `(r.occurred_date < ${date} OR (r.occurred_date = ${date} AND r.incident_id > ${bind(query.cursor.incidentId)}::uuid))`,
      );
    }
    // One more than asked: whether a next page exists.
    const { rows } = await this.sql.query<IncidentRow>(
      `SELECT r.incident_id::text AS id, r.title, r.country, r.region, r.type, r.family,
              r.occurred_date, r.occurred_precision, r.occurred_until, ${STATUS} AS status,
              r.verified, r.target_count, r.target_categories,
              to_char(r.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS updated_at
         FROM rm_incidents r
        WHERE ${where.join(' AND ')}
        ORDER BY r.occurred_date DESC, r.incident_id
        LIMIT ${bind(query.limit + 1)}`,
      values,
    );
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    return {
      items: page.map((r) => item(r, query.redacted)),
      nextCursor:
        rows.length > query.limit
          ? encodeCursor({ occurredDate: last.occurred_date, incidentId: last.id })
          : null,
    };
  }
}

function item(r: IncidentRow, redacted: boolean): IncidentListItemDto {
  const occurred = { date: r.occurred_date };
  return {
    id: r.id,
    title: redacted
      ? neutralTitle({ type: r.type, country: r.country, region: r.region, occurred })
      : r.title,
    country: r.country,
    region: r.region,
    type: r.type,
    family: r.family,
    occurred: {
      date: r.occurred_date,
      precision: r.occurred_precision,
      ...(r.occurred_until !== null && { until: r.occurred_until }),
    },
    status: r.status,
    verified: r.verified,
    targetCount: r.target_count,
    targetCategories: r.target_categories,
    updatedAt: r.updated_at,
  };
}
