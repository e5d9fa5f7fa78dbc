import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { REFERENCE_DIMENSIONS, REFERENCE_MEASURES, REFERENCE_QUALIFIERS } from '@app/domain';

// Shapes only: codes, periods and dimensions are the domain's (400 naming the field and the
// allowed values).

export class ReferenceSourceRequestDto {
  @ApiProperty({ example: 'Human Rights Watch', description: 'Who produced the figure.' })
  @IsString()
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({ example: 'Retreating Rights - Kazakhstan: Introduction' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  publication?: string;

  @ApiPropertyOptional({ example: 'The situation today: Politics and protest' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  section?: string;

  @ApiPropertyOptional({ example: 'https://fpc.org.uk/publications/retreating-rights-kazakhstan/' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  url?: string;

  @ApiPropertyOptional({ example: '2021-07-22', description: 'YYYY-MM-DD' })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  publishedOn?: string;
}

export class ReferencePeriodRequestDto {
  @ApiPropertyOptional({
    example: '2020',
    description: 'First month or year (YYYY-MM or YYYY). Omit for a cumulative figure.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(7)
  from?: string;

  @ApiProperty({ example: '2020', description: 'Last month or year (YYYY-MM or YYYY), included.' })
  @IsString()
  @MaxLength(7)
  to!: string;
}

export class RecordReferenceFigureRequestDto {
  @ApiProperty({
    type: ReferenceSourceRequestDto,
    example: {
      name: 'Human Rights Watch',
      publication: 'Retreating Rights - Kazakhstan: Introduction',
      section: 'The situation today: Politics and protest',
      publishedOn: '2021-07-22',
    },
  })
  @ValidateNested()
  @Type(() => ReferenceSourceRequestDto)
  source!: ReferenceSourceRequestDto;

  @ApiProperty({
    example:
      'Article 405 about membership of banned extremist organisations has been the tool of choice with Human Rights Watch documenting over 130 such cases',
    description: 'The sentence that gives the figure, verbatim.',
  })
  @IsString()
  @MaxLength(2000)
  statement!: string;

  @ApiProperty({ example: 130 })
  @IsNumber()
  value!: number;

  @ApiProperty({ enum: REFERENCE_QUALIFIERS, example: 'more_than' })
  @IsString()
  @MaxLength(20)
  qualifier!: string;

  @ApiProperty({
    enum: REFERENCE_MEASURES,
    example: 'incidents',
    description: 'What the figure counts, as GET /stats `measure` names it.',
  })
  @IsString()
  @MaxLength(20)
  measure!: string;

  @ApiProperty({ type: ReferencePeriodRequestDto, example: { to: '2021-07' } })
  @ValidateNested()
  @Type(() => ReferencePeriodRequestDto)
  period!: ReferencePeriodRequestDto;

  @ApiPropertyOptional({
    example: { country: 'KZ', type: 'criminal_case', legalArticle: 'KZ Criminal Code|405' },
    description: `One code per dimension: ${Object.keys(REFERENCE_DIMENSIONS).join(', ')} (legalArticle as instrument|article). GET /stats?includeReference=true shows the figure beside the same breakdown.`,
  })
  @IsOptional()
  @IsObject()
  dimensions?: Record<string, string>;

  @ApiPropertyOptional({ example: 'The footnote title gives 134.' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}
