import { Query } from '@nestjs/cqrs';
import { FindPlacesResponseDto } from './place.response.dto';

/** GET /places: settlements by name, from the gazetteer shipped with the app. */
export class FindPlacesQuery extends Query<FindPlacesResponseDto> {
  constructor(
    readonly q: string,
    readonly country: string | undefined,
  ) {
    super();
  }
}
