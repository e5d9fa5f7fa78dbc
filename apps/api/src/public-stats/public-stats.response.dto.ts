import { ApiProperty } from '@nestjs/swagger';

/** A count as the public sees it: a number, or "<5" / "suppressed" (small-cell-suppression). */
export const CELL = {
  oneOf: [
    { type: 'integer', minimum: 0 },
    { type: 'string', enum: ['<5', 'suppressed'] },
  ],
};

export class PublicStatsRowDto {
  @ApiProperty({ example: { targetCategory: 'journalist' } })
  keys!: Record<string, string | number | null>;

  @ApiProperty({ example: { targetCategory: 'Journalist or blogger' } })
  labels!: Record<string, string>;

  @ApiProperty({
    ...CELL,
    example: '<5',
    description:
      'The count; "<5" for 1 to 4; "suppressed" (5 or more) where it would reveal a "<5".',
  })
  value!: number | string;
}

export class PublicStatsResponseDto {
  @ApiProperty({ example: 'persons' })
  measure!: string;

  @ApiProperty({ example: ['targetCategory'] })
  groupBy!: string[];

  @ApiProperty({ type: [PublicStatsRowDto] })
  rows!: PublicStatsRowDto[];

  @ApiProperty({
    ...CELL,
    example: 684,
    description: '"<5" from 0 to 4 (and then no rows); "suppressed" where it would reveal a "<5".',
  })
  total!: number | string;

  @ApiProperty({
    example: '00000000000000000742.00000000000000001234',
    description:
      "This workspace's version: the position of its last change these figures include. " +
      '`asOf=<this>` gives the same figures; other workspaces do not move it.',
  })
  position!: string;

  @ApiProperty({ type: String, nullable: true, example: null })
  asOf!: string | null;

  @ApiProperty({ example: { persons: 'Distinct persons targeted: …' } })
  definitions!: Record<string, string>;
}
