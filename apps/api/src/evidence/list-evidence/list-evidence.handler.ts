import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { EvidenceFiles } from '../evidence.commands';
import { EvidenceListResponseDto } from '../evidence.response.dto';
import { ListEvidenceQuery } from './list-evidence.query';

@QueryHandler(ListEvidenceQuery)
export class ListEvidenceHandler implements IQueryHandler<ListEvidenceQuery> {
  constructor(private readonly evidence: EvidenceFiles) {}

  async execute({ incidentId, actor }: ListEvidenceQuery): Promise<EvidenceListResponseDto> {
    return { items: await this.evidence.list(incidentId, actor) };
  }
}
