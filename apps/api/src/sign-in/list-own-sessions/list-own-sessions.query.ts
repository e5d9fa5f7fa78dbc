import { Query } from '@nestjs/cqrs';
import { SignedInSession } from '@app/auth';
import { SessionListResponseDto } from '../session-list.response.dto';

export class ListOwnSessionsQuery extends Query<SessionListResponseDto> {
  constructor(readonly session: SignedInSession) {
    super();
  }
}
