import { ApiProperty } from '@nestjs/swagger';

export class LagRowDto {
  @ApiProperty({ example: '2021-03', description: 'The occurrence month (YYYY-MM).' })
  month!: string;

  @ApiProperty({ example: 43, description: 'Acts of that month counted now (or at asOf).' })
  total!: number;

  @ApiProperty({
    example: { '0': 30, '1': 12, '2': 1 },
    description:
      'Acts by how many months after their month they were first recorded; every row has the keys "0" to the largest lag of the answer.',
  })
  byLag!: Record<string, number>;
}

export class StatsLagResponseDto {
  @ApiProperty({ type: [LagRowDto], description: 'Occurrence months in time order.' })
  rows!: LagRowDto[];

  @ApiProperty({
    type: String,
    nullable: true,
    example: null,
    description: 'The asOf asked, in UTC; null for the triangle as recorded now.',
  })
  asOf!: string | null;

  @ApiProperty({
    example: {
      lag: 'Months from the month an act occurred to the month (UTC) it was first recorded.',
      reading:
        'Row 2021-03 with byLag["1"] = 12: twelve March acts were first recorded in April ("+12 March cases learned in April").',
    },
    description: 'What each figure counts, in words a report can quote.',
  })
  definitions!: Record<string, string>;
}
