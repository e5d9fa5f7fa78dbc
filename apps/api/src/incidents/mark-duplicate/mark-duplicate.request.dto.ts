import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

export class MarkDuplicateRequestDto {
  @ApiProperty({ format: 'uuid', description: 'The incident this one duplicates (the survivor)' })
  @IsUUID()
  duplicateOf!: string;

  @ApiPropertyOptional({ example: 'Same detention reported by two monitors' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}
