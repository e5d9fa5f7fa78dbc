import { AliasesProperty } from '../../targets/target-properties';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';

const NOT_BLANK = /\S/;

/** Codes (category, country) are checked by the domain. */
export class RegisterOrganisationRequestDto {
  @ApiProperty({
    example: 'Kazakhstan International Bureau for Human Rights and Rule of Law',
    maxLength: 300,
  })
  @IsString()
  @MaxLength(300)
  @Matches(NOT_BLANK, { message: 'name must not be blank' })
  name!: string;

  @ApiPropertyOptional({
    example: 'KIBHR',
    maxLength: 100,
    description: 'A short name for lists. Default: the name (organisations are not pseudonymised).',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  @Matches(NOT_BLANK, { message: 'label must not be blank' })
  label?: string;

  @ApiProperty({
    example: 'ngo',
    description:
      'A `target_category` code for organisations: ngo, media_outlet, political_party, religious_group, trade_union, other.',
  })
  @IsString()
  category!: string;

  @ApiPropertyOptional({ example: 'KZ', description: 'A `country` code (ISO 3166-1 alpha-2).' })
  @IsOptional()
  @IsString()
  country?: string;

  @ApiPropertyOptional({ example: 'Registered as a public association in 1993.', maxLength: 20000 })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  notes?: string;

  @AliasesProperty(
    ['Казахстанское международное бюро по правам человека и соблюдению законности', 'KIBHR'],
    'Other names: abbreviations, translations, former names. Linked in the same request.',
  )
  aliases?: string[];
}
