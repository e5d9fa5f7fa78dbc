import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { COUNTRY_CODES } from '@app/domain';

/** The query string of GET /places. */
export class FindPlacesRequestDto {
  @ApiProperty({
    example: 'Хорог',
    description:
      'The beginning of each word of the name, in Latin or Cyrillic letters (folded as names are: `Хор` finds Khorugh); 2 letters at least.',
  })
  @IsString()
  @MaxLength(100)
  q!: string;

  @ApiPropertyOptional({ enum: COUNTRY_CODES, example: 'TJ', description: 'Only this country.' })
  @IsOptional()
  @IsIn(COUNTRY_CODES, { context: { allowed: COUNTRY_CODES } })
  country?: string;
}
