import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { AMENDABLE_TARGET_FIELDS, AmendableTargetField } from '@app/domain';
import { IsAmendmentValue } from '../../targets/amendment-value.validator';

export class AmendPersonRequestDto {
  @ApiProperty({ enum: AMENDABLE_TARGET_FIELDS, example: 'category' })
  @IsIn(AMENDABLE_TARGET_FIELDS, { context: { allowed: AMENDABLE_TARGET_FIELDS } })
  field!: AmendableTargetField;

  @ApiProperty({
    oneOf: [{ type: 'string' }, { type: 'integer' }],
    nullable: true,
    example: 'human_rights_defender',
    description:
      'The new value: text, a year for `birthYear`, a code for `category` and `country`; null clears an optional field.',
  })
  @IsAmendmentValue()
  value!: string | number | null;

  @ApiProperty({
    example: 'new_evidence',
    description: 'A `correction_reason` code: typo, new_evidence, source_retracted, reclassified.',
  })
  @IsString()
  reason!: string;

  @ApiPropertyOptional({
    example: 'Her lawyer confirmed she has monitored trials since 2019.',
    maxLength: 20000,
  })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  note?: string;
}
