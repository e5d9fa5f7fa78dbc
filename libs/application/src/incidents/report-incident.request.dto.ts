import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { LOCATION_PRECISIONS, LocationPrecision } from '@app/domain';

// Shapes only: vocabulary codes and date rules are the domain's (DomainError → 400 with the
// allowed values), so every caller — HTTP, import — gets the same answer.

export class OccurredDto {
  @ApiProperty({
    example: '2020-02',
    description: 'YYYY, YYYY-MM or YYYY-MM-DD, matching precision',
  })
  @IsString()
  @MaxLength(10)
  date!: string;

  @ApiProperty({ enum: ['day', 'month', 'year'], example: 'month' })
  @IsString()
  @MaxLength(10)
  precision!: string;

  @ApiPropertyOptional({ example: '2020-04', description: 'End of a range, same form as date' })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  until?: string;

  @ApiPropertyOptional({ example: false })
  @IsOptional()
  @IsBoolean()
  approximate?: boolean;
}

/** Where on the map, and how precisely (ranges and precisions are the domain's checks). */
export class LocationDto {
  @ApiProperty({ example: 37.48974, description: 'Degrees north (WGS 84), -90 to 90.' })
  latitude!: number;

  @ApiProperty({ example: 71.55304, description: 'Degrees east (WGS 84), -180 to 180.' })
  longitude!: number;

  @ApiProperty({
    enum: LOCATION_PRECISIONS,
    example: 'settlement',
    description:
      'What the coordinates locate: the spot (`exact`), or only the settlement, district, region or country the source names. Analysts never see coordinates.',
  })
  precision!: LocationPrecision;
}

export class LegalBasisDto {
  @ApiProperty({ example: 'KZ Criminal Code' })
  @IsString()
  @MaxLength(200)
  instrument!: string;

  @ApiProperty({ example: '405' })
  @IsString()
  @MaxLength(50)
  article!: string;

  @ApiPropertyOptional({ example: '1', description: 'The part of the article, when given.' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  part?: string;
}

export class InlinePersonDto {
  @ApiProperty({
    example: 'Person A',
    description: 'Personal data: never shown to analysts or in logs',
  })
  @IsString()
  @MaxLength(300)
  name!: string;

  @ApiPropertyOptional({
    example: 'P-AGADIL',
    description: 'Pseudonymous label; generated when absent',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  label?: string;

  @ApiPropertyOptional({ example: 'civil_activist' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  category?: string;
}

export class InlineOrganisationDto {
  @ApiProperty({ example: 'Kazakhstan International Bureau for Human Rights' })
  @IsString()
  @MaxLength(300)
  name!: string;

  @ApiPropertyOptional({ example: 'ngo' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  category?: string;
}

/** Exactly one of personId, organisationId, person, organisation. */
export class TargetDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  personId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  organisationId?: string;

  @ApiPropertyOptional({ type: InlinePersonDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => InlinePersonDto)
  person?: InlinePersonDto;

  @ApiPropertyOptional({ type: InlineOrganisationDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => InlineOrganisationDto)
  organisation?: InlineOrganisationDto;

  @ApiPropertyOptional({
    example: 'civil_activist',
    description: "The target's category in this act",
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  category?: string;
}

export class PerpetratorDto {
  @ApiProperty({ example: 'police' })
  @IsString()
  @MaxLength(100)
  source!: string;

  @ApiProperty({ enum: ['main', 'secondary'], example: 'main' })
  @IsString()
  @IsIn(['main', 'secondary'], { context: { allowed: ['main', 'secondary'] } })
  role!: string;

  @ApiPropertyOptional({ example: 'Nur-Sultan police department' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  unit?: string;
}

export class SourceDto {
  @ApiProperty({ example: 'Retreating Rights - Kazakhstan: Introduction' })
  @IsString()
  @MaxLength(300)
  title!: string;

  @ApiPropertyOptional({ example: 'https://fpc.org.uk/publications/retreating-rights-kazakhstan/' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  url?: string;

  @ApiPropertyOptional({
    example: '2021-07',
    description: 'As precisely as the source is dated: YYYY, YYYY-MM or YYYY-MM-DD.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  publishedOn?: string;

  @ApiPropertyOptional({ example: 'en' })
  @IsOptional()
  @IsString()
  @MaxLength(3)
  language?: string;

  @ApiPropertyOptional({ example: 'high' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  reliability?: string;
}

export class ReportIncidentRequestDto {
  @ApiProperty({ example: 'Death of Person A in pre-trial detention' })
  @IsString()
  @MaxLength(300)
  title!: string;

  @ApiPropertyOptional({
    example: 'The activist died in the pre-trial detention centre in Nur-Sultan.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(20_000)
  description?: string;

  @ApiProperty({ example: 'KZ', description: 'ISO 3166-1 alpha-2' })
  @IsString()
  @MaxLength(2)
  country!: string;

  @ApiPropertyOptional({ example: 'KZ-71', description: 'ISO 3166-2 (Astana = KZ-71)' })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  region?: string;

  @ApiPropertyOptional({ example: 'Pre-trial detention centre, Nur-Sultan' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  place?: string;

  @ApiPropertyOptional({ type: LocationDto })
  @IsOptional()
  location?: LocationDto;

  @ApiProperty({ type: OccurredDto })
  @ValidateNested()
  @Type(() => OccurredDto)
  occurred!: OccurredDto;

  @ApiProperty({ example: 'death_in_custody' })
  @IsString()
  @MaxLength(100)
  type!: string;

  @ApiPropertyOptional({ example: ['right_to_life', 'freedom_from_torture'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  rights?: string[];

  @ApiPropertyOptional({ type: [LegalBasisDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => LegalBasisDto)
  legalBasis?: LegalBasisDto[];

  @ApiPropertyOptional({
    type: [TargetDto],
    example: [{ person: { name: 'Person A' }, category: 'civil_activist' }],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5000)
  @ValidateNested({ each: true })
  @Type(() => TargetDto)
  targets?: TargetDto[];

  @ApiPropertyOptional({ type: [PerpetratorDto], example: [{ source: 'police', role: 'main' }] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => PerpetratorDto)
  perpetrators?: PerpetratorDto[];

  @ApiPropertyOptional({ type: [SourceDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => SourceDto)
  sources?: SourceDto[];

  @ApiPropertyOptional({ example: ['agadil', 'february-2020'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  tags?: string[];
}
