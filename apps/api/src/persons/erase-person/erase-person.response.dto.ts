import { ApiProperty } from '@nestjs/swagger';
import { CommandResponseDto } from '@app/application/command-response.dto';

export class ErasePersonResponseDto extends CommandResponseDto {
  @ApiProperty({
    type: [String],
    format: 'uuid',
    example: ['7f1c1a52-3b9e-4c55-9d0e-2f7f1a0c9e11'],
    description:
      'Incidents whose free text (title, description, place, tags, source titles) held her name, folded as the name index folds names, before the erasure: redact them (POST /incidents/{id}/redactions). Ids only; empty on a replay, once the name is gone.',
  })
  incidentsNamingPerson!: string[];
}
