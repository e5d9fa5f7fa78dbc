import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class DeprecationDto {
  @ApiProperty({
    example: '2026.2',
    description: 'The vocabulary version that deprecated the term.',
  })
  since!: string;

  @ApiPropertyOptional({
    type: [String],
    example: ['journalist'],
    description: 'The codes to use instead.',
  })
  replacedBy?: readonly string[];
}

export class TermDto {
  @ApiProperty({ example: 'civil_activist', description: 'What requests send and events store.' })
  code!: string;

  @ApiProperty({ example: 'Гражданский активист' })
  label!: string;

  @ApiPropertyOptional({
    example: 'liberty_and_justice',
    description: 'On incident types: their family.',
  })
  family?: string;

  @ApiPropertyOptional({
    example: 'Arrest',
    description: 'On incident types: the nearest HURIDOCS ESF act type.',
  })
  esfActType?: string;

  @ApiPropertyOptional({
    enum: ['person', 'organisation'],
    example: 'person',
    description: 'On target categories that fit one kind only.',
  })
  targetKind?: 'person' | 'organisation';

  @ApiPropertyOptional({
    type: DeprecationDto,
    description: 'Kept for old records; new records may not use it.',
  })
  deprecated?: DeprecationDto;

  @ApiPropertyOptional({
    example: true,
    description: "A translation awaiting a native speaker's review.",
  })
  reviewNeeded?: true;
}

export class VocabularyDto {
  @ApiProperty({ example: 'target_category' })
  name!: string;

  @ApiProperty({
    example: '2026.1',
    description: 'YYYY.N: the year of the release and its number in the year.',
  })
  version!: string;

  @ApiProperty({ type: [TermDto], description: 'In display order.' })
  terms!: TermDto[];
}
