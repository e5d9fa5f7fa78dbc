import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';

export class SetWorkspacePublicRequestDto {
  @ApiProperty({
    example: true,
    description: 'true: GET /public/stats serves this workspace without a token; false: 404.',
  })
  @IsBoolean()
  enabled!: boolean;
}
