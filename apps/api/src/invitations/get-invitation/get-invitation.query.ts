import { Query } from '@nestjs/cqrs';
import { InvitationPreviewResponseDto } from '../invitation.response.dto';

/** Anyone holding the link's code may read what it is for. */
export class GetInvitationQuery extends Query<InvitationPreviewResponseDto> {
  constructor(readonly code: string) {
    super();
  }
}
