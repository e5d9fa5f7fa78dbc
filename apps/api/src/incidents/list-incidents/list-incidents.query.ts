import { Query } from '@nestjs/cqrs';
import { Actor } from '@app/application';
import { Position } from '@app/event-store';
import { IncidentFilters } from '../../statistics/incident-filters.request.dto';
import { IncidentCursor } from './incident-cursor';
import { IncidentListDto } from './incident-list.response.dto';
import { IncidentStatus, ListIncidentsRequestDto } from './list-incidents.request.dto';

/** GET /incidents as asked; the handler checks what the actor may filter by, then reads. */
export class ListIncidentsQuery extends Query<IncidentListDto> {
  constructor(
    readonly actor: Actor,
    readonly request: ListIncidentsRequestDto,
  ) {
    super();
  }
}

/** One page of the read model, once the request passed the checks. */
export interface IncidentPage {
  readonly workspaceId: string;
  readonly filters: IncidentFilters;
  readonly status: readonly IncidentStatus[] | undefined;
  readonly text: string | undefined;
  readonly limit: number;
  readonly cursor: IncidentCursor | undefined;
  readonly after: Position | undefined;
  /** Analysts: titles rebuilt from codes, since a title may name someone. */
  readonly redacted: boolean;
}
