import { AliasesProperty } from '../../targets/target-properties';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

const NOT_BLANK = /\S/;

/** Personal data: never logged. Codes (category, country) are checked by the domain. */
export class RegisterPersonRequestDto {
  @ApiProperty({
    example: 'Person B',
    maxLength: 300,
    description: 'Full name. Personal data.',
  })
  @IsString()
  @MaxLength(300)
  @Matches(NOT_BLANK, { message: 'name must not be blank' })
  name!: string;

  @ApiPropertyOptional({
    example: 'P-6F1C1A',
    maxLength: 100,
    description:
      'Pseudonymous label shown where names must not be. Default: `P-` and six characters of the id.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  @Matches(NOT_BLANK, { message: 'label must not be blank' })
  label?: string;

  @ApiPropertyOptional({
    example: 'civil_activist',
    description: 'A `target_category` code (GET /vocabularies?name=target_category).',
  })
  @IsOptional()
  @IsString()
  category?: string;

  @ApiPropertyOptional({ example: 'KZ', description: 'A `country` code (ISO 3166-1 alpha-2).' })
  @IsOptional()
  @IsString()
  country?: string;

  @ApiPropertyOptional({
    example: 'female',
    maxLength: 50,
    description: 'As the person describes it.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  gender?: string;

  @ApiPropertyOptional({ example: 1990, minimum: 1900 })
  @IsOptional()
  @IsInt()
  birthYear?: number;

  @ApiPropertyOptional({
    example: '+7 700 000 00 00, Signal',
    maxLength: 2000,
    description: 'Personal data.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  contacts?: string;

  @ApiPropertyOptional({ example: 'Almaty', maxLength: 2000, description: 'Personal data.' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  address?: string;

  @ApiPropertyOptional({ example: 'Member of a local civic initiative.', maxLength: 20000 })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  notes?: string;

  @AliasesProperty(
    ['Персона Б', 'Persona B'],
    'Other spellings of the name (transliterations), linked in the same request.',
  )
  aliases?: string[];
}
