import { Command } from '@nestjs/cqrs';
import { CommandContext } from '@app/application';
import { Upload } from '../evidence.commands';
import { AttachedEvidenceResponseDto } from '../evidence.response.dto';

export class AttachEvidenceCommand extends Command<AttachedEvidenceResponseDto> {
  constructor(
    readonly incidentId: string,
    readonly upload: Upload,
    readonly context: CommandContext,
  ) {
    super();
  }
}
