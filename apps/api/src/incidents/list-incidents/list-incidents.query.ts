import { Query } from '@nestjs/cqrs';
import { Position } from '@app/event-store';
import { IncidentFilters } from '../../statistics/incident-filters.request.dto';
import { IncidentCursor } from './incident-cursor';
import { IncidentListDto } from './incident-list.response.dto';
import { IncidentStatus } from './list-incidents.request.dto';

export class ListIncidentsQuery extends Query<IncidentListDto> {
  constructor(
    readonly workspaceId: string,
    readonly filters: IncidentFilters,
    readonly status: readonly IncidentStatus[] | undefined,
    readonly text: string | undefined,
    readonly limit: number,
    readonly cursor: IncidentCursor | undefined,
    readonly after: Position | undefined,
    /** Analysts: titles rebuilt from codes, since a title may name someone. */
    readonly redacted = false,
  ) {
    super();
  }
}
