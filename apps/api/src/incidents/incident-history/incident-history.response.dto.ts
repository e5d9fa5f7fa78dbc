import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

const ANY_VALUE = {
  description: "A value of the field's type: text, a code, a list, or an occurred object.",
  oneOf: [
    { type: 'string' },
    { type: 'number' },
    { type: 'boolean' },
    { type: 'array', items: {} },
    { type: 'object' },
  ],
  nullable: true,
};

export class HistoryChangeDto {
  @ApiProperty({ example: 'place' })
  field!: string;

  @ApiProperty({ ...ANY_VALUE, example: 'Nur-Sultan' })
  from!: unknown;

  @ApiProperty({ ...ANY_VALUE, example: 'Pre-trial detention centre, Nur-Sultan' })
  to!: unknown;
}

export class HistoryActorDto {
  @ApiProperty({ type: String, nullable: true, format: 'uuid' })
  userId!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'Monitor 2' })
  name!: string | null;
}

export class HistoryRedactionDto {
  @ApiProperty({ example: ['title', 'description'], description: 'The fields redacted.' })
  fields!: string[];

  @ApiProperty({
    example: 0,
    description:
      'Versions of these fields stored in clear before free text was sealed: they stay readable in the event log (read models and exports show the replacement).',
  })
  unsealedVersionsInLog!: number;
}

export class HistoryEntryDto {
  @ApiProperty({ example: 2 })
  version!: number;

  @ApiProperty({ example: 'IncidentCorrected', description: 'The event type.' })
  type!: string;

  @ApiProperty({ example: '2021-03-05T08:00:00.000Z' })
  recordedAt!: string;

  @ApiProperty({ type: HistoryActorDto })
  by!: HistoryActorDto;

  @ApiProperty({ example: 'Corrected place' })
  summary!: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { incident_type: 'death_in_custody' },
    description: 'The codes the summary names, by vocabulary: clients compare and translate these.',
  })
  codes?: Record<string, string>;

  @ApiPropertyOptional({ type: [HistoryChangeDto] })
  changes?: HistoryChangeDto[];

  @ApiPropertyOptional({ example: 'New evidence', description: 'The reason, labelled in `lang`.' })
  reason?: string;

  @ApiPropertyOptional({ example: 'new_evidence', description: 'The reason\u2019s code.' })
  reasonCode?: string;

  @ApiPropertyOptional({ example: 'The family statement names the detention centre.' })
  note?: string;

  @ApiPropertyOptional({ type: HistoryRedactionDto })
  redaction?: HistoryRedactionDto;
}

export class IncidentHistoryResponseDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 2 })
  version!: number;

  @ApiProperty({ type: [HistoryEntryDto], description: 'In the order they were recorded.' })
  entries!: HistoryEntryDto[];
}
