import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

export class VerifyIncidentRequestDto {
  @ApiPropertyOptional({
    example: 'Court record seen by the verifier on 2021-03-02',
    description: 'Required when the incident has fewer than two independent sources',
  })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  overrideReason?: string;
}
