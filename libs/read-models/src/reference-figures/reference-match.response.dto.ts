import { ApiProperty } from '@nestjs/swagger';
import { ReferenceFigureResponseDto } from './reference-figure.response.dto';

/** A reference figure beside the row of our table that answers the same question. */
export class ReferenceMatchDto extends ReferenceFigureResponseDto {
  @ApiProperty({
    example: { targetCategory: 'journalist' },
    description: 'The row it stands beside: its key under each group-by (none without groupBy).',
  })
  keys!: Record<string, string>;

  @ApiProperty({
    example: 3,
    description:
      "Our own figure for that row over the figure's period (the total without groupBy; 0 when we have no row).",
  })
  ours!: number;
}
