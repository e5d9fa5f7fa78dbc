import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { JOB_TYPES } from '@app/jobs/job-records';

/** One problem of a job's input (an import row) or the reason it failed. */
export class JobProblemDto {
  @ApiPropertyOptional({ example: 12, description: 'The sheet row (1 = the header row).' })
  row?: number;

  @ApiPropertyOptional({ example: 'date' })
  column?: string;

  @ApiPropertyOptional({ example: '2020-02-30', description: 'The value as found in the sheet.' })
  value?: unknown;

  @ApiPropertyOptional({ example: 'asOf', description: 'The request field, for a refused job.' })
  field?: string;

  @ApiProperty({ example: '2020-02-30 is not a real date' })
  message!: string;

  @ApiPropertyOptional({
    type: [String],
    example: ['KZ', 'KG', 'TJ'],
    description: 'The codes the cell may hold, when it holds a coded value.',
  })
  allowed?: string[];

  @ApiPropertyOptional({
    type: [String],
    example: ['Казахстан', 'Кыргызстан', 'Таджикистан'],
    description: "The same values as labels in the language of the sheet's headers.",
  })
  allowedLabels?: string[];
}

/** What a job's percent counts. */
export class JobProgressDetailDto {
  @ApiProperty({ example: 25000 })
  done!: number;

  @ApiProperty({ example: 100000 })
  total!: number;

  @ApiProperty({ example: 'acts', description: 'What is counted.' })
  unit!: string;
}

export class JobResponseDto {
  @ApiProperty({ example: 'import-3f9a0c1b2d4e5f60718293a4b5c6d7e8f9a0b1c2' })
  id!: string;

  @ApiProperty({ enum: JOB_TYPES, example: 'import' })
  type!: string;

  @ApiProperty({ enum: ['queued', 'active', 'completed', 'failed'], example: 'completed' })
  state!: string;

  @ApiProperty({ example: 100, description: 'Percent done.' })
  progress!: number;

  @ApiProperty({
    type: JobProgressDetailDto,
    nullable: true,
    description:
      'What the percent counts, for jobs that say (a case export: acts written of the total).',
  })
  progressDetail!: JobProgressDetailDto | null;

  @ApiProperty({
    nullable: true,
    example: {
      dryRun: false,
      rows: 10000,
      recorded: { incidents: 7000, acts: 9963 },
      alreadyImported: { incidents: 0, acts: 0 },
    },
    description: 'What the job produced, once completed (see each job type).',
  })
  result!: unknown;

  @ApiProperty({
    type: () => [JobProblemDto],
    example: [
      { row: 12, column: 'date', value: '2020-02-30', message: '2020-02-30 is not a real date' },
    ],
    description:
      "Problems found in the job's input (an import's rows: `{ row, column, value, message }`), or why the job failed.",
  })
  errors!: JobProblemDto[];

  @ApiProperty({ example: '2026-11-28T10:00:00.000Z' })
  createdAt!: string;

  @ApiProperty({ example: '2026-11-28T10:00:09.000Z' })
  updatedAt!: string;
}
