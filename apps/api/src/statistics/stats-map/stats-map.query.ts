import { Query } from '@nestjs/cqrs';
import { Actor } from '@app/application';
import { StatsMapRequestDto } from './stats-map.request.dto';
import { StatsMapResponseDto } from './stats-map.response.dto';

/** GET /stats/map as the actor asked it: GET /stats by region, as a map. */
export class StatsMapQuery extends Query<StatsMapResponseDto> {
  constructor(
    readonly actor: Actor,
    readonly request: StatsMapRequestDto,
  ) {
    super();
  }
}
