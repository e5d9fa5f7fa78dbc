import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { AuditLog } from '@app/auth';
import { AuditPageResponseDto } from './audit-page.response.dto';
import { ListAuditQuery } from './list-audit.query';

@QueryHandler(ListAuditQuery)
export class ListAuditHandler implements IQueryHandler<ListAuditQuery> {
  constructor(private readonly audit: AuditLog) {}

  async execute({ actor, limit, filter }: ListAuditQuery): Promise<AuditPageResponseDto> {
    const { cursor, ...rest } = filter;
    const entries = await this.audit.find({
      workspaceId: actor.workspaceId,
      limit,
      ...rest,
      ...(cursor !== undefined && { before: cursor }),
    });
    const last = entries[entries.length - 1];
    // A full page may have more behind it; a short one is the last.
    return { entries, ...(entries.length === limit && last !== undefined && { next: last.id }) };
  }
}
