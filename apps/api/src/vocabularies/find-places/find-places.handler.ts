import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { findSettlements, MIN_PLACE_QUERY } from '@app/domain';
import { ValidationException } from '@app/application/validation.exception';
import { FindPlacesQuery } from './find-places.query';
import { FindPlacesResponseDto } from './place.response.dto';

/** No network: the settlements are a table in the app (libs/domain/src/places). */
@QueryHandler(FindPlacesQuery)
export class FindPlacesHandler implements IQueryHandler<FindPlacesQuery> {
  execute({ q, country }: FindPlacesQuery): Promise<FindPlacesResponseDto> {
    const found = findSettlements(q, { country });
    if (found === undefined) {
      throw new ValidationException([
        { field: 'q', message: `must have ${MIN_PLACE_QUERY} letters at least` },
      ]);
    }
    return Promise.resolve({
      places: found.map((s) => ({ ...s, precision: 'settlement' as const })),
      attribution: 'GeoNames (geonames.org), CC BY 4.0',
    });
  }
}
