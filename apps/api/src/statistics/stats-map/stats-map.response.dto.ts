import { ApiProperty } from '@nestjs/swagger';
import { CELL } from '../../public-stats/public-stats.response.dto';

export class MapPointDto {
  @ApiProperty({ enum: ['Point'], example: 'Point' })
  type!: 'Point';

  @ApiProperty({
    type: [Number],
    example: [76.92861, 43.25667],
    description: 'Longitude, latitude (WGS 84), as GeoJSON orders them.',
  })
  coordinates!: number[];
}

export class MapFeaturePropertiesDto {
  @ApiProperty({ example: 'KZ-75', description: 'The ISO 3166-2 code.' })
  region!: string;

  @ApiProperty({ example: 'Almaty', description: 'The region in `lang`.' })
  label!: string;

  @ApiProperty({
    example: 'Almaty',
    description: "The settlement the point stands for: the region's administrative centre.",
  })
  centre!: string;

  @ApiProperty({
    enum: ['region'],
    example: 'region',
    description: 'What the point locates: the region, not the places of its incidents.',
  })
  precision!: 'region';

  @ApiProperty({
    ...CELL,
    example: 12,
    description:
      'The measure in this region, as GET /stats?groupBy=region counts it; on the public map "<5" for 1 to 4 and "suppressed" where a figure would reveal one.',
  })
  value!: number | string;
}

export class MapFeatureDto {
  @ApiProperty({ enum: ['Feature'], example: 'Feature' })
  type!: 'Feature';

  @ApiProperty({ example: 'KZ-75' })
  id!: string;

  @ApiProperty({ type: MapPointDto })
  geometry!: MapPointDto;

  @ApiProperty({ type: MapFeaturePropertiesDto })
  properties!: MapFeaturePropertiesDto;
}

/**
 * A GeoJSON FeatureCollection (RFC 7946): one point per region with a count. The figures
 * beside the features are foreign members, which GeoJSON readers ignore.
 */
export class StatsMapResponseDto {
  @ApiProperty({ enum: ['FeatureCollection'], example: 'FeatureCollection' })
  type!: 'FeatureCollection';

  @ApiProperty({ type: [MapFeatureDto] })
  features!: MapFeatureDto[];

  @ApiProperty({ example: 'acts' })
  measure!: string;

  @ApiProperty({
    ...CELL,
    example: 140,
    description: 'The measure over the whole filtered set, as GET /stats answers it.',
  })
  total!: number | string;

  @ApiProperty({
    ...CELL,
    example: 7,
    description: 'What no region locates (recorded with a country only): not on the map.',
  })
  withoutRegion!: number | string;

  @ApiProperty({
    example: '00000000000000000742.00000000000000001234',
    description: "As GET /stats answers it (the public map: the workspace's version).",
  })
  position!: string;

  @ApiProperty({ type: String, nullable: true, example: null })
  asOf!: string | null;

  @ApiProperty({ example: { acts: 'Acts: …' } })
  definitions!: Record<string, string>;

  @ApiProperty({
    example: 'Points: administrative centres, GeoNames (geonames.org), CC BY 4.0',
    description: 'Where the points come from, to cite beside a map drawn from them.',
  })
  attribution!: string;
}
