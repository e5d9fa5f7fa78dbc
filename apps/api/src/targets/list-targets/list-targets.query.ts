import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { Actor } from '@app/application';
import { TargetEntityKind } from '@app/domain';
import { ListTargetsRequestDto, TargetList, TargetListDto } from './list-targets';

/** GET /persons and GET /organisations. */
export class ListTargetsQuery extends Query<TargetListDto> {
  constructor(
    readonly kind: TargetEntityKind,
    readonly actor: Actor,
    readonly query: ListTargetsRequestDto,
  ) {
    super();
  }
}

@QueryHandler(ListTargetsQuery)
export class ListTargetsHandler implements IQueryHandler<ListTargetsQuery> {
  constructor(private readonly targets: TargetList) {}

  execute({ kind, actor, query }: ListTargetsQuery): Promise<TargetListDto> {
    return this.targets.list(kind, actor, query);
  }
}
