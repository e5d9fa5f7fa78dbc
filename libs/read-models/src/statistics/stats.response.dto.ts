import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ReferenceMatchDto } from '../reference-figures/reference-match.response.dto';
import { GROUP_BYS, Key, MEASURES } from './stats-dimensions';

export class StatsRowDto {
  @ApiProperty({
    example: { month: null, targetCategory: 'civil_activist' },
    description: 'One key per group-by: a code, a period, or null (e.g. month unknown).',
  })
  keys!: Record<string, Key>;

  @ApiProperty({
    example: { month: 'month unknown', targetCategory: 'Civil activist' },
    description: 'The English label of each key.',
  })
  labels!: Record<string, string>;

  @ApiProperty({ example: 12 })
  value!: number;
}

export class StatsResponseDto {
  @ApiProperty({ enum: MEASURES, example: 'acts' })
  measure!: string;

  @ApiProperty({ enum: GROUP_BYS, isArray: true, example: ['month', 'targetCategory'] })
  groupBy!: string[];

  @ApiProperty({
    type: [StatsRowDto],
    description:
      'In reading order: vocabulary display order, periods in time order, null keys last.',
  })
  rows!: StatsRowDto[];

  @ApiProperty({
    example: 1414,
    description:
      'The measure over the whole filtered set: not the sum of the rows when an act or a target falls in several.',
  })
  total!: number;

  @ApiProperty({
    example: '00000000000000000742.00000000000000001234',
    description:
      'The projection position the answer reflects: `asOf=<this>` later returns the same ' +
      'figures. With asOf a position, that position; with asOf a time, the position the ' +
      'read model had reached when answering.',
  })
  position!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    example: null,
    description: 'The asOf asked (a timestamp in UTC or a position); null for the current figures.',
  })
  asOf!: string | null;

  @ApiProperty({
    example: {
      acts: 'Acts (Kadyr-Kasiyet\'s "threats"): incident × target pairs.',
      month:
        'A year-precise act counts under "month unknown" (key null), never spread over months.',
    },
    description: 'What each figure counts, in words a report can quote.',
  })
  definitions!: Record<string, string>;

  @ApiPropertyOptional({
    type: [ReferenceMatchDto],
    description:
      'With includeReference=true: third-party figures for the same breakdown, each with the key of its row and our own figure for that row over its period (`ours`).',
  })
  reference?: ReferenceMatchDto[];
}
