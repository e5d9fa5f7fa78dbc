import { Query } from '@nestjs/cqrs';
import { Actor } from '@app/application';
import { StatsLagResponseDto } from '@app/read-models/statistics/stats-lag.response.dto';
import { StatsLagRequestDto } from './stats-lag.request.dto';

/** GET /stats/lag as the actor asked it: the tag filter is checked before the triangle is read. */
export class StatsLagForActorQuery extends Query<StatsLagResponseDto> {
  constructor(
    readonly actor: Actor,
    readonly request: StatsLagRequestDto,
  ) {
    super();
  }
}
