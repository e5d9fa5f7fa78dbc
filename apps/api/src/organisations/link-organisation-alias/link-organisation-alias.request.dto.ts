import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';

export class LinkOrganisationAliasRequestDto {
  @ApiProperty({
    example: 'Қазақстан адам құқықтары жөніндегі халықаралық бюросы',
    maxLength: 300,
    description: 'Another name: an abbreviation, translation or former name.',
  })
  @IsString()
  @MaxLength(300)
  @Matches(/\S/, { message: 'alias must not be blank' })
  alias!: string;
}
