import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { REFERENCE_MEASURES, REFERENCE_QUALIFIERS } from '@app/domain';
import { StoredReferenceFigure } from './reference-figures';

export class ReferenceSourceDto {
  @ApiProperty({ example: 'Kadyr-Kasiyet', description: 'Who produced the figure.' })
  name!: string;

  @ApiPropertyOptional({ example: 'Retreating Rights - Kazakhstan: Introduction' })
  publication?: string;

  @ApiPropertyOptional({
    example: 'Monitoring the security situation of human rights defenders',
  })
  section?: string;

  @ApiPropertyOptional({ example: 'https://fpc.org.uk/publications/retreating-rights-kazakhstan/' })
  url?: string;

  @ApiPropertyOptional({ example: '2021-07-22' })
  publishedOn?: string;
}

export class ReferencePeriodDto {
  @ApiPropertyOptional({
    example: '2020-01',
    description: 'First month (YYYY-MM); absent for a cumulative figure "up to".',
  })
  from?: string;

  @ApiProperty({ example: '2020-12', description: 'Last month (YYYY-MM), included.' })
  to!: string;
}

export class ReferenceFigureResponseDto {
  @ApiProperty({ format: 'uuid', example: '3d0f8c1e-6a2b-4c7d-9e8f-0a1b2c3d4e5f' })
  id!: string;

  @ApiProperty({ type: ReferenceSourceDto })
  source!: ReferenceSourceDto;

  @ApiProperty({
    example:
      'Of these, the largest number of threats were received against civil society activists (482), journalists (64) …',
    description: 'The published sentence, verbatim.',
  })
  statement!: string;

  @ApiProperty({ example: 64 })
  value!: number;

  @ApiProperty({ enum: REFERENCE_QUALIFIERS, example: 'exact' })
  qualifier!: string;

  @ApiProperty({ enum: REFERENCE_MEASURES, example: 'persons' })
  measure!: string;

  @ApiProperty({ type: ReferencePeriodDto })
  period!: ReferencePeriodDto;

  @ApiProperty({
    example: { country: 'KZ', targetCategory: 'journalist' },
    description: 'One code per GET /stats dimension the figure is broken down by.',
  })
  dimensions!: Record<string, string>;

  @ApiPropertyOptional({ example: 'The category figures add up to 684, the number of people.' })
  note?: string;

  @ApiProperty({ format: 'date-time', example: '2026-11-28T10:00:00.000Z' })
  recordedAt!: string;
}

export function referenceFigureResponse(f: StoredReferenceFigure): ReferenceFigureResponseDto {
  return {
    id: f.figureId,
    source: f.source,
    statement: f.statement,
    value: f.value,
    qualifier: f.qualifier,
    measure: f.measure,
    period: f.period,
    dimensions: f.dimensions as Record<string, string>,
    ...(f.note !== undefined && { note: f.note }),
    recordedAt: f.recordedAt,
  };
}
