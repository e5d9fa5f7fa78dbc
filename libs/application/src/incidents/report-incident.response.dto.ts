import { ApiProperty } from '@nestjs/swagger';
import { CommandResponseDto } from '../command-response.dto';
import { InlineTargetDuplicatesDto } from '../targets/possible-duplicates';

export class ReportIncidentResponseDto extends CommandResponseDto {
  @ApiProperty({
    type: [InlineTargetDuplicatesDto],
    description:
      'For each person or organisation given inline, the existing records of the same name: ' +
      'possibly the same one, registered before. Name it by `personId` next time.',
  })
  possibleDuplicates!: InlineTargetDuplicatesDto[];
}
