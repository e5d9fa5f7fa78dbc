import { ApiProperty } from '@nestjs/swagger';
import { ReferenceFigureResponseDto } from '../reference-figure.response.dto';

export class ReferenceFigureListResponseDto {
  @ApiProperty({ type: [ReferenceFigureResponseDto], description: 'In the order recorded.' })
  figures!: ReferenceFigureResponseDto[];
}
