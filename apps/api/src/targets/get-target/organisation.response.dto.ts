import { CodeProperty } from '../target-properties';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** An organisation as recorded now. Absent details are null; analysts get no name, notes or aliases. */
export class OrganisationResponseDto {
  @ApiProperty({ format: 'uuid', example: '0d4be1f2-8a7c-4e59-b3a6-51c9e07f2d84' })
  id!: string;

  @ApiProperty({
    example: 2,
    description: 'Also in the ETag header; send it as If-Match to amend.',
  })
  version!: number;

  @ApiProperty({ example: 'KIBHR' })
  label!: string;

  @ApiPropertyOptional({
    example: 'Kazakhstan International Bureau for Human Rights and Rule of Law',
  })
  name?: string;

  @CodeProperty('ngo')
  category!: string | null;

  @CodeProperty('KZ')
  country!: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'Registered as a public association in 1993.',
  })
  notes?: string | null;

  @ApiPropertyOptional({
    type: [String],
    example: ['Казахстанское международное бюро по правам человека и соблюдению законности'],
  })
  aliases?: string[];
}
