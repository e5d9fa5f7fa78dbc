import { ApiProperty } from '@nestjs/swagger';
import { CommandResponseDto } from '@app/application/command-response.dto';

export class RedactIncidentResponseDto extends CommandResponseDto {
  @ApiProperty({
    example: 0,
    description:
      'Versions of these fields stored in clear before free text was sealed: the event log keeps them readable (the read models and exports show the replacement).',
  })
  unsealedVersionsInLog!: number;

  @ApiProperty({
    example: true,
    description:
      'The read models were rewritten with the replacement and their files compacted before this answer. False when the projection did not catch up in time: it rewrites them when it does; send the request again (same Idempotency-Key) to compact.',
  })
  readModelsRewritten!: boolean;
}
