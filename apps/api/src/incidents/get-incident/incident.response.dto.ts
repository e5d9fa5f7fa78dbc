import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LegalBasisDto, LocationDto } from '@app/application/incidents/report-incident.request.dto';

// The shapes GET /incidents/{id} answers. Fields a redacted answer (analysts) leaves out are
// optional here; `redacted: true` says which answer it is.

export class IncidentOccurredDto {
  @ApiProperty({ example: '2020-02', description: 'YYYY, YYYY-MM or YYYY-MM-DD' })
  date!: string;

  @ApiProperty({ enum: ['day', 'month', 'year'], example: 'month' })
  precision!: string;

  @ApiPropertyOptional({ example: '2020-04', description: 'End of a range' })
  until?: string;

  @ApiPropertyOptional({ example: false })
  approximate?: boolean;
}

export class IncidentTargetDto {
  @ApiProperty({ format: 'uuid' })
  actId!: string;

  @ApiProperty({ enum: ['person', 'organisation'], example: 'person' })
  kind!: string;

  @ApiPropertyOptional({ format: 'uuid' })
  personId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  organisationId?: string;

  @ApiProperty({ example: 'civil_activist' })
  category!: string;

  @ApiPropertyOptional({
    example: 'Person A',
    description:
      'For admins, monitors and verifiers: the name (`[erased]` once the person is erased). Never in redacted answers.',
  })
  name?: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'P-7F3A',
    description: 'The pseudonymous label.',
  })
  label?: string | null;
}

export class IncidentPerpetratorDto {
  @ApiProperty({ format: 'uuid' })
  perpetratorId!: string;

  @ApiProperty({ example: 'police' })
  source!: string;

  @ApiProperty({ enum: ['main', 'secondary'], example: 'main' })
  role!: string;

  @ApiPropertyOptional({ example: 'Nur-Sultan police department' })
  unit?: string;
}

export class IncidentSourceDto {
  @ApiProperty({ format: 'uuid' })
  sourceId!: string;

  @ApiPropertyOptional({ example: 'Retreating Rights - Kazakhstan: Introduction' })
  title?: string;

  @ApiPropertyOptional({ example: 'https://fpc.org.uk/publications/retreating-rights-kazakhstan/' })
  url?: string;

  @ApiPropertyOptional({ example: '2021-07-22' })
  publishedOn?: string;

  @ApiPropertyOptional({ example: 'en' })
  language?: string;

  @ApiPropertyOptional({ example: 'high' })
  reliability?: string;
}

export class IncidentFineDto {
  @ApiProperty({ example: 50 })
  amount!: number;

  @ApiProperty({ example: 'mci' })
  unit!: string;

  @ApiPropertyOptional({ example: 2020 })
  mciYear?: number;
}

export class IncidentOutcomeDto {
  @ApiProperty({ format: 'uuid' })
  outcomeId!: string;

  @ApiProperty({ example: 'fine' })
  type!: string;

  @ApiPropertyOptional({ example: '2020-03-02' })
  date?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  actId?: string;

  @ApiPropertyOptional({ example: 15 })
  custodialMonths?: number;

  @ApiPropertyOptional({ example: 12 })
  freedomRestrictionMonths?: number;

  @ApiPropertyOptional({ example: 'Almaty' })
  freedomRestrictionScope?: string;

  @ApiPropertyOptional({ example: 24 })
  probationMonths?: number;

  @ApiPropertyOptional({ type: IncidentFineDto })
  fine?: IncidentFineDto;

  @ApiPropertyOptional({ example: 'Appeal pending' })
  note?: string;
}

export class IncidentResponseDto {
  @ApiProperty({ format: 'uuid', example: '6f1c1a52-3b9e-4c55-9d0e-2f7f1a0c9e11' })
  id!: string;

  @ApiProperty({ example: 3, description: 'Send it as If-Match with the next change.' })
  version!: number;

  @ApiProperty({ enum: ['recorded', 'retracted', 'duplicate'], example: 'recorded' })
  status!: string;

  @ApiProperty({ example: 'Death of Person A in pre-trial detention' })
  title!: string;

  @ApiPropertyOptional({ example: 'The activist died in the pre-trial detention centre.' })
  description?: string;

  @ApiProperty({ example: 'KZ' })
  country!: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'KZ-71' })
  region?: string | null;

  @ApiPropertyOptional({ example: 'Pre-trial detention centre, Nur-Sultan' })
  place?: string;

  @ApiPropertyOptional({
    type: LocationDto,
    description: 'Coordinates and their precision; never shown to analysts.',
  })
  location?: LocationDto;

  @ApiProperty({ type: IncidentOccurredDto })
  occurred!: IncidentOccurredDto;

  @ApiProperty({ example: 'death_in_custody' })
  type!: string;

  @ApiPropertyOptional({ type: [String], example: ['right_to_life'] })
  rights?: string[];

  @ApiPropertyOptional({ type: [LegalBasisDto] })
  legalBasis?: LegalBasisDto[];

  @ApiPropertyOptional({ type: [String], example: ['agadil'] })
  tags?: string[];

  @ApiProperty({ type: [IncidentTargetDto] })
  targets!: IncidentTargetDto[];

  @ApiProperty({ type: [IncidentPerpetratorDto] })
  perpetrators!: IncidentPerpetratorDto[];

  @ApiProperty({ type: [IncidentSourceDto] })
  sources!: IncidentSourceDto[];

  @ApiProperty({ type: [IncidentOutcomeDto] })
  outcomes!: IncidentOutcomeDto[];

  @ApiProperty({ example: false })
  verified!: boolean;

  @ApiPropertyOptional({ format: 'uuid', description: 'The incident this one duplicates.' })
  duplicateOf?: string;

  @ApiProperty({ example: '2021-03-04T10:15:00.000Z' })
  recordedAt!: string;

  @ApiProperty({ example: '2021-03-05T08:00:00.000Z' })
  updatedAt!: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'object', additionalProperties: { type: 'string' } },
    example: { incident_type: { death_in_custody: 'Смерть под стражей' } },
    description: 'The label of every code the incident holds, in `lang`, by vocabulary.',
  })
  labels!: Record<string, Record<string, string>>;

  @ApiPropertyOptional({
    example: true,
    description: 'Present (true) on the analysts\u2019 answer: free text and names left out.',
  })
  redacted?: boolean;
}
