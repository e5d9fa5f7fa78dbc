import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { AmendableTargetField } from '@app/domain';
import { IsAmendmentValue } from '../../targets/amendment-value.validator';

/** The details an organisation has (gender, birth year, contacts and address are a person's). */
export const ORGANISATION_FIELDS = [
  'name',
  'label',
  'category',
  'country',
  'notes',
] as const satisfies readonly AmendableTargetField[];

export class AmendOrganisationRequestDto {
  @ApiProperty({ enum: ORGANISATION_FIELDS, example: 'category' })
  @IsIn(ORGANISATION_FIELDS, { context: { allowed: ORGANISATION_FIELDS } })
  field!: (typeof ORGANISATION_FIELDS)[number];

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'media_outlet',
    description: 'The new value: text, a code for `category` and `country`; null clears `notes`.',
  })
  @IsAmendmentValue()
  value!: string | number | null;

  @ApiProperty({
    example: 'reclassified',
    description: 'A `correction_reason` code: typo, new_evidence, source_retracted, reclassified.',
  })
  @IsString()
  reason!: string;

  @ApiPropertyOptional({ example: 'It has published a newspaper since 2020.', maxLength: 20000 })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  note?: string;
}
