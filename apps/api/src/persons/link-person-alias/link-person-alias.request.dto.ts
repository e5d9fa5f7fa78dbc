import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';

export class LinkPersonAliasRequestDto {
  @ApiProperty({
    example: 'Aigerim Serikkyzy',
    maxLength: 300,
    description: 'Another spelling of the name (a transliteration).',
  })
  @IsString()
  @MaxLength(300)
  @Matches(/\S/, { message: 'alias must not be blank' })
  alias!: string;
}
