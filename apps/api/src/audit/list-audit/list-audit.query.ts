import { Query } from '@nestjs/cqrs';
import { Actor } from '@app/application';
import { AuditPageResponseDto } from './audit-page.response.dto';

/** One page of the actor's workspace's audit trail, newest first. */
export class ListAuditQuery extends Query<AuditPageResponseDto> {
  constructor(
    readonly actor: Actor,
    readonly limit: number,
    readonly filter: {
      readonly userId?: string;
      readonly action?: string;
      readonly from?: Date;
      readonly to?: Date;
      /** The `next` of the previous page. */
      readonly cursor?: string;
    },
  ) {
    super();
  }
}
