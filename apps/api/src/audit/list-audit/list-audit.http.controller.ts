import { Controller, Get, Header, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor } from '@app/application';
import { CurrentActor, Roles } from '@app/auth';
import { ValidationException } from '@app/application/validation.exception';
import { ApiProblems } from '../../http/openapi.decorators';
import { AuditPageResponseDto } from './audit-page.response.dto';
import { ListAuditQuery } from './list-audit.query';
import { ListAuditRequestDto } from './list-audit.request.dto';

@ApiTags('audit')
@Controller('audit')
export class ListAuditHttpController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @Roles('admin')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary:
      'Who did what and when in your workspace: every write and every read of personal detail',
    description:
      'Entries name the user, role, route, the id concerned and the answer status, never a ' +
      'body or a name. They are kept for ever and cannot be changed or deleted.',
  })
  @ApiOkResponse({ type: AuditPageResponseDto })
  @ApiProblems(400)
  list(
    @Query() query: ListAuditRequestDto,
    @CurrentActor() actor: Actor,
  ): Promise<AuditPageResponseDto> {
    const from = query.from === undefined ? undefined : new Date(query.from);
    const to = query.to === undefined ? undefined : new Date(query.to);
    if (from !== undefined && to !== undefined && from > to) {
      throw new ValidationException([{ field: 'to', message: 'must not be before from' }]);
    }
    return this.queryBus.execute(
      new ListAuditQuery(actor, query.limit ?? 100, {
        ...(query.userId !== undefined && { userId: query.userId }),
        ...(query.action !== undefined && { action: query.action }),
        ...(from !== undefined && { from }),
        ...(to !== undefined && { to }),
        ...(query.cursor !== undefined && { cursor: query.cursor }),
      }),
    );
  }
}
