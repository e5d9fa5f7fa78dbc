import { ApiProperty } from '@nestjs/swagger';
import { ReferenceFigureResponseDto } from '@app/read-models/reference-figures/reference-figure.response.dto';

export class ReferenceFigureListResponseDto {
  @ApiProperty({ type: [ReferenceFigureResponseDto], description: 'In the order recorded.' })
  figures!: ReferenceFigureResponseDto[];
}
