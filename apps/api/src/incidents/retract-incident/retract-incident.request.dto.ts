import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { RETRACTION_REASONS } from '@app/domain';

export class RetractIncidentRequestDto {
  @ApiProperty({ enum: RETRACTION_REASONS, example: 'duplicate_entry' })
  @IsString()
  @MaxLength(50)
  reason!: string;

  @ApiPropertyOptional({ example: 'Entered twice from the same monthly sheet' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}
