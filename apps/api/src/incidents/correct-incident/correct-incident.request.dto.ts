import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import {
  LegalBasisDto,
  LocationDto,
  OccurredDto,
} from '@app/application/incidents/report-incident.request.dto';
import { IsDefined, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { CORRECTABLE_FIELDS, CORRECTION_REASONS } from '@app/domain';

@ApiExtraModels(LegalBasisDto, LocationDto, OccurredDto)
export class CorrectIncidentRequestDto {
  @ApiProperty({ enum: CORRECTABLE_FIELDS, example: 'title' })
  @IsIn(CORRECTABLE_FIELDS, { context: { allowed: CORRECTABLE_FIELDS } })
  field!: (typeof CORRECTABLE_FIELDS)[number];

  @ApiProperty({
    example: 'Death of activist Person A in the Nur-Sultan detention centre',
    description:
      "The new value, of the field's type: text (title, description, place), a code (type, " +
      'country, region, targetCategory), a list (rights, tags, legalBasis), an occurred object or a location.',
    oneOf: [
      { type: 'string' },
      { type: 'array', items: { type: 'string' } },
      { type: 'array', items: { $ref: getSchemaPath(LegalBasisDto) } },
      { $ref: getSchemaPath(OccurredDto) },
      { $ref: getSchemaPath(LocationDto) },
    ],
  })
  @IsDefined()
  value!: unknown;

  @ApiPropertyOptional({ format: 'uuid', description: 'The act, when correcting a targetCategory' })
  @IsOptional()
  @IsUUID()
  actId?: string;

  @ApiProperty({ enum: CORRECTION_REASONS, example: 'new_evidence' })
  @IsString()
  @MaxLength(50)
  reason!: string;

  @ApiPropertyOptional({ example: 'The family statement names the detention centre.' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}
