import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';

/**
 * The `reason` of an irreversible or counted change (an erasure, a removal, a merge): required
 * text, kept readable in the log for ever, so the documentation warns against personal data.
 */
export function ReasonForTheRecord(example: string) {
  return applyDecorators(
    ApiProperty({
      example,
      maxLength: 500,
      description:
        'Why, for the record. It stays readable in the log: write no personal data here.',
    }),
    IsString(),
    MaxLength(500),
    Matches(/\S/, { message: 'reason must not be blank' }),
  );
}
