import { CodeProperty } from '../target-properties';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/**
 * A person as recorded now. Absent details are null. Personal data: never logged. For the
 * analyst role the personal fields (name, contacts, address, notes, aliases) are left out.
 */
export class PersonResponseDto {
  @ApiProperty({ format: 'uuid', example: '6f1c1a52-3b9e-4c55-9d0e-2f7f1a0c9e11' })
  id!: string;

  @ApiProperty({
    example: 3,
    description: 'Also in the ETag header; send it as If-Match to amend.',
  })
  version!: number;

  @ApiProperty({ example: 'P-6F1C1A' })
  label!: string;

  @ApiPropertyOptional({
    example: 'Person B',
    description: 'Absent for analysts. `[erased]` once the person is erased.',
  })
  name?: string;

  @CodeProperty('civil_activist')
  category!: string | null;

  @CodeProperty('KZ')
  country!: string | null;

  @CodeProperty('female')
  gender!: string | null;

  @ApiProperty({ type: Number, nullable: true, example: 1990 })
  birthYear!: number | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '+7 700 000 00 00, Signal',
    description: 'Absent for analysts.',
  })
  contacts?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'Almaty',
    description: 'Absent for analysts.',
  })
  address?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'Member of a local civic initiative.',
    description: 'Absent for analysts.',
  })
  notes?: string | null;

  @ApiPropertyOptional({
    type: [String],
    example: ['Персона Б', 'Persona B'],
    description: 'Absent for analysts.',
  })
  aliases?: string[];

  @ApiProperty({
    example: false,
    description:
      'Erased (crypto-shredded): the personal fields read as `[erased]`; counts keep them.',
  })
  erased!: boolean;

  @ApiPropertyOptional({
    format: 'uuid',
    example: '0b7d3c1e-5a2f-4f6e-9a4b-1c2d3e4f5a6b',
    description:
      'Present when this person is merged into another (POST /persons/{id}/merge): their acts ' +
      'count as that person’s.',
  })
  mergedInto?: string;
}
