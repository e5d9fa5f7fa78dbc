import { regionPoint } from '@app/domain';
import { Tagged } from '../cached-stats';
import { MapFeatureDto, StatsMapResponseDto } from './stats-map.response.dto';

export const MAP_ATTRIBUTION =
  'Points: administrative centres of the regions, GeoNames (geonames.org), CC BY 4.0';

/** A GET /stats (or /public/stats) answer grouped by region, as either gives it. */
export interface RegionTable {
  measure: string;
  rows: { keys: Record<string, unknown>; labels: Record<string, string>; value: number | string }[];
  total: number | string;
  position: string;
  asOf: string | null;
  definitions: Record<string, string>;
}

/**
 * The table as GeoJSON: a feature per region row, at the region's point, with the row's own
 * figure (suppressed or not, as the table has it); the row without a region beside the map.
 */
export function regionMap(table: RegionTable): StatsMapResponseDto {
  const features: MapFeatureDto[] = [];
  let withoutRegion: number | string = 0;
  for (const row of table.rows) {
    const region = row.keys.region;
    const point = typeof region === 'string' ? regionPoint(region) : undefined;
    if (typeof region !== 'string' || point === undefined) {
      // Every region code has a point (unit spec): only the unknown region lands here.
      withoutRegion = row.value;
      continue;
    }
    features.push({
      type: 'Feature',
      id: region,
      geometry: { type: 'Point', coordinates: [...point.coordinates] },
      properties: {
        region,
        label: row.labels.region ?? region,
        centre: point.centre,
        precision: 'region',
        value: row.value,
      },
    });
  }
  return {
    type: 'FeatureCollection',
    features,
    measure: table.measure,
    total: table.total,
    withoutRegion,
    position: table.position,
    asOf: table.asOf,
    definitions: table.definitions,
    attribution: MAP_ATTRIBUTION,
  };
}

/** An answer asked without `If-None-Match`, which is therefore never "not modified". */
export function untagged<T>(answer: Tagged<T>): T {
  if (answer.notModified) throw new Error('an answer asked without If-None-Match was not sent');
  return answer.value;
}
