import { Query } from '@nestjs/cqrs';
import { Actor } from '@app/application';
import { EvidenceListResponseDto } from '../evidence.response.dto';

export class ListEvidenceQuery extends Query<EvidenceListResponseDto> {
  constructor(
    readonly incidentId: string,
    readonly actor: Actor,
  ) {
    super();
  }
}
