import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { FINE_UNITS, OUTCOME_TYPES } from '@app/domain';

export class FineDto {
  @ApiProperty({ example: 70 })
  @IsNumber()
  amount!: number;

  @ApiProperty({ enum: FINE_UNITS, example: 'mci' })
  @IsString()
  @MaxLength(10)
  unit!: string;

  @ApiPropertyOptional({
    example: 2020,
    description: 'The year of the monthly calculation index (unit mci)',
  })
  @IsOptional()
  @IsInt()
  mciYear?: number;
}

export class RecordOutcomeRequestDto {
  @ApiProperty({ enum: OUTCOME_TYPES, example: 'convicted' })
  @IsString()
  @MaxLength(50)
  type!: string;

  @ApiPropertyOptional({ example: '2020-03-02', description: 'YYYY-MM-DD' })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  date?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The act (target) it concerns, if only one' })
  @IsOptional()
  @IsUUID()
  actId?: string;

  @ApiPropertyOptional({ example: 0 })
  @IsOptional()
  @IsInt()
  custodialMonths?: number;

  @ApiPropertyOptional({ example: 24 })
  @IsOptional()
  @IsInt()
  freedomRestrictionMonths?: number;

  @ApiPropertyOptional({ example: 'Banned from political activity; curfew 22:00-06:00' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  freedomRestrictionScope?: string;

  @ApiPropertyOptional({ example: 0 })
  @IsOptional()
  @IsInt()
  probationMonths?: number;

  @ApiPropertyOptional({ type: FineDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => FineDto)
  fine?: FineDto;

  @ApiPropertyOptional({ example: 'Sentenced by the Uralsk city court' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}
