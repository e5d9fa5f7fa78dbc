import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class OccurredResponseDto {
  @ApiProperty({ example: '2020-02' })
  date!: string;

  @ApiProperty({ enum: ['day', 'month', 'year'], example: 'month' })
  precision!: string;

  @ApiPropertyOptional({ example: '2020-04', description: 'End of a range' })
  until?: string;
}

/** One incident in a list: codes and counts, never a name. */
export class IncidentListItemDto {
  @ApiProperty({ format: 'uuid', example: '6f1c1a52-3b9e-4c55-9d0e-2f7f1a0c9e11' })
  id!: string;

  @ApiProperty({ example: 'Detentions after the memorial rally in Almaty' })
  title!: string;

  @ApiProperty({ example: 'KZ' })
  country!: string;

  @ApiProperty({ type: String, nullable: true, example: 'KZ-75' })
  region!: string | null;

  @ApiProperty({ example: 'administrative_arrest' })
  type!: string;

  @ApiProperty({ example: 'liberty_and_justice' })
  family!: string;

  @ApiProperty({ type: OccurredResponseDto })
  occurred!: OccurredResponseDto;

  @ApiProperty({ enum: ['recorded', 'retracted', 'duplicate'], example: 'recorded' })
  status!: string;

  @ApiProperty({ example: false })
  verified!: boolean;

  @ApiProperty({ example: 3 })
  targetCount!: number;

  @ApiProperty({ type: [String], example: ['civil_activist', 'journalist'] })
  targetCategories!: string[];

  @ApiProperty({ example: '2021-03-04T10:15:00.000Z' })
  updatedAt!: string;
}

export class IncidentListDto {
  @ApiProperty({ type: [IncidentListItemDto], description: 'Latest occurrence first.' })
  items!: IncidentListItemDto[];

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'WyIyMDIwLTAyIiwiNmYxYzFhNTItM2I5ZS00YzU1LTlkMGUtMmY3ZjFhMGM5ZTExIl0',
    description: 'Send it as `cursor` for the next page; null on the last page.',
  })
  nextCursor!: string | null;
}
