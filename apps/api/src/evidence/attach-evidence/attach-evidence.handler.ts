import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EvidenceFiles } from '../evidence.commands';
import { AttachedEvidenceResponseDto } from '../evidence.response.dto';
import { AttachEvidenceCommand } from './attach-evidence.command';

@CommandHandler(AttachEvidenceCommand)
export class AttachEvidenceHandler implements ICommandHandler<AttachEvidenceCommand> {
  constructor(private readonly evidence: EvidenceFiles) {}

  execute({
    incidentId,
    upload,
    context,
  }: AttachEvidenceCommand): Promise<AttachedEvidenceResponseDto> {
    return this.evidence.attach(incidentId, upload, context);
  }
}
