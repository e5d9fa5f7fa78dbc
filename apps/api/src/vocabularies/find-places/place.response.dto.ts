import { ApiProperty } from '@nestjs/swagger';

export class PlaceDto {
  @ApiProperty({ example: 1221328, description: "GeoNames' id of the settlement." })
  geonameId!: number;

  @ApiProperty({ example: 'Khorugh', description: "GeoNames' English name." })
  name!: string;

  @ApiProperty({ example: 'TJ' })
  country!: string;

  @ApiProperty({ example: 37.48974 })
  latitude!: number;

  @ApiProperty({ example: 71.55304 })
  longitude!: number;

  @ApiProperty({ example: 30000 })
  population!: number;

  @ApiProperty({
    enum: ['settlement'],
    example: 'settlement',
    description: "The precision to record with these coordinates as an incident's location.",
  })
  precision!: 'settlement';
}

export class FindPlacesResponseDto {
  @ApiProperty({ type: [PlaceDto], description: 'Largest first, at most 20.' })
  places!: PlaceDto[];

  @ApiProperty({ example: 'GeoNames (geonames.org), CC BY 4.0' })
  attribution!: string;
}
