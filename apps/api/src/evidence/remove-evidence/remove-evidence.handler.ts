import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult } from '@app/application';
import { EvidenceFiles } from '../evidence.commands';
import { RemoveEvidenceCommand } from './remove-evidence.command';

@CommandHandler(RemoveEvidenceCommand)
export class RemoveEvidenceHandler implements ICommandHandler<RemoveEvidenceCommand> {
  constructor(private readonly evidence: EvidenceFiles) {}

  execute({
    incidentId,
    evidenceId,
    reason,
    context,
  }: RemoveEvidenceCommand): Promise<CommandResult> {
    return this.evidence.remove(incidentId, evidenceId, reason, context);
  }
}
