import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { referenceFigureResponse } from '@app/read-models/reference-figures/reference-figure.response.dto';
import { listReferenceFigures } from '@app/read-models/reference-figures/reference-figures';
import { ListReferenceFiguresQuery } from './list-reference-figures.query';
import { ReferenceFigureListResponseDto } from './reference-figure-list.response.dto';

@QueryHandler(ListReferenceFiguresQuery)
export class ListReferenceFiguresHandler implements IQueryHandler<ListReferenceFiguresQuery> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({
    workspaceId,
  }: ListReferenceFiguresQuery): Promise<ReferenceFigureListResponseDto> {
    const figures = await listReferenceFigures(this.store, workspaceId);
    return { figures: figures.map(referenceFigureResponse) };
  }
}
