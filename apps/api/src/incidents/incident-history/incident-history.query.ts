import { Query } from '@nestjs/cqrs';
import { Actor } from '@app/application';
import { Lang } from '@app/domain';
import { IncidentHistoryResponseDto } from './incident-history.response.dto';

export class IncidentHistoryQuery extends Query<IncidentHistoryResponseDto> {
  constructor(
    readonly id: string,
    readonly lang: Lang,
    readonly actor: Actor,
  ) {
    super();
  }
}
