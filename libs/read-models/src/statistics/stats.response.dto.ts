import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LANGS } from '@app/domain';
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
    description: 'The label of each key in `lang`.',
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

  @ApiProperty({ enum: LANGS, example: 'ru', description: 'The language of every text below.' })
  lang!: string;

  @ApiProperty({
    example: 'Акты по месяцам и категориям преследуемых',
    description: 'What the table shows, in words: a title for a report, a sheet or a chart.',
  })
  title!: string;

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
      'The position the figures stand at: `asOf=<this>` later returns the same figures to the ' +
      'digit. With asOf a position, that position; with asOf a time, the last position at which ' +
      "the workspace's figures changed at or before that time; otherwise how far the read model " +
      'had got when answering.',
  })
  position!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '2021-01-31T17:04:12.311Z',
    description:
      'When the last change the figures include was recorded (UTC): the figures stood so from ' +
      'then until at least `position`. Null before anything was recorded.',
  })
  positionTime!: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    example: null,
    description:
      'The snapshot asked for (asOf=snapshot:<id>), whose pinned position is `position`.',
  })
  snapshotId!: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    example: null,
    description:
      'The asOf asked, as asked (a timestamp in UTC, a position or snapshot:<id>); null for the current figures.',
  })
  asOf!: string | null;

  @ApiProperty({
    type: [String],
    example: ['Страна: Казахстан', 'Год: 2020'],
    description: 'The filters of the query in words, in `lang`: one line each; empty for none.',
  })
  filters!: string[];

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
