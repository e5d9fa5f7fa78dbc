import { Query } from '@nestjs/cqrs';
import { Actor } from '@app/application';
import { Lang } from '@app/domain';
import { IncidentResponseDto } from './incident.response.dto';

export class GetIncidentQuery extends Query<IncidentResponseDto> {
  constructor(
    readonly id: string,
    readonly lang: Lang,
    readonly actor: Actor,
  ) {
    super();
  }
}
