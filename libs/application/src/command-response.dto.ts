import { ApiProperty } from '@nestjs/swagger';

/** What every command answers: the id, the version to send as If-Match next, and the position. */
export class CommandResponseDto {
  @ApiProperty({ format: 'uuid', example: '6f1c1a52-3b9e-4c55-9d0e-2f7f1a0c9e11' })
  id!: string;

  @ApiProperty({
    example: 1,
    description: 'The record version after this command; send it as If-Match next time.',
  })
  version!: number;

  @ApiProperty({
    example: '00000000000000000742.00000000000000001234',
    description:
      'Global position of the last event written; queries may wait for it (read-your-writes).',
  })
  position!: string;
}
