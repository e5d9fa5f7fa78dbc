import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InvitationService } from '@app/auth';
import { InvitationPreviewResponseDto } from '../invitation.response.dto';
import { GetInvitationQuery } from './get-invitation.query';

@QueryHandler(GetInvitationQuery)
export class GetInvitationHandler implements IQueryHandler<GetInvitationQuery> {
  constructor(private readonly invitations: InvitationService) {}

  execute({ code }: GetInvitationQuery): Promise<InvitationPreviewResponseDto> {
    return this.invitations.preview(code);
  }
}
