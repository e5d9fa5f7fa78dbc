import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayNotEmpty, IsArray, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { REDACTABLE_FIELDS, RedactableField } from '@app/domain';

export class RedactIncidentRequestDto {
  @ApiProperty({
    enum: REDACTABLE_FIELDS,
    isArray: true,
    example: ['title', 'description'],
    description:
      'The free-text fields whose every version so far becomes unreadable. `tags`: the whole tag list is replaced by the one replacement tag; `sourceTitles`: every source title.',
  })
  @IsArray()
  @ArrayNotEmpty()
  @IsIn(REDACTABLE_FIELDS, { each: true, context: { allowed: REDACTABLE_FIELDS } })
  fields!: RedactableField[];

  @ApiPropertyOptional({
    example: 'Summons of a journalist',
    description: 'What the fields read as from now on, everywhere; default "[redacted]".',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  replacement?: string;

  @ApiProperty({ example: 'The title named a person at risk' })
  @IsString()
  @MaxLength(2000)
  reason!: string;
}
