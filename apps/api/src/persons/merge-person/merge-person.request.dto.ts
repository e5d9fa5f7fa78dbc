import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { ReasonForTheRecord } from '../../http/reason-for-the-record.decorator';

export class MergePersonRequestDto {
  @ApiProperty({
    format: 'uuid',
    example: '0b7d3c1e-5a2f-4f6e-9a4b-1c2d3e4f5a6b',
    description: 'The person kept: this one is a duplicate of them.',
  })
  @IsUUID()
  into!: string;

  @ReasonForTheRecord(
    'Same person: typed in Cyrillic through the API and in Latin letters in an import',
  )
  reason!: string;
}
