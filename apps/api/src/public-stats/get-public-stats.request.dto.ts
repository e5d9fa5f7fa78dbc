import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { GetStatsRequestDto } from '../statistics/get-stats/get-stats.request.dto';

export class GetPublicStatsRequestDto extends GetStatsRequestDto {
  @ApiProperty({
    format: 'uuid',
    example: '0b6a4c1e-5d7f-4a43-9e3b-8c2f1d0a7b65',
    description: 'The workspace whose aggregates to read; it must have opted in.',
  })
  @Matches(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, {
    message: 'workspace must be a UUID, e.g. 0b6a4c1e-5d7f-4a43-9e3b-8c2f1d0a7b65',
  })
  workspace!: string;
}
