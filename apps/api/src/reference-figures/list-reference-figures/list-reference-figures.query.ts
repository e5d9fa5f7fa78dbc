import { Query } from '@nestjs/cqrs';
import { ReferenceFigureListResponseDto } from './reference-figure-list.response.dto';

export class ListReferenceFiguresQuery extends Query<ReferenceFigureListResponseDto> {
  constructor(readonly workspaceId: string) {
    super();
  }
}
