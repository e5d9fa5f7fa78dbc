import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor } from '@app/application';
import { CurrentActor, Roles } from '@app/auth';
import { ListSnapshotsQuery } from './list-snapshots.query';
import { SnapshotListResponseDto } from './snapshot-list.response.dto';

@ApiTags('snapshots')
@Controller('snapshots')
export class ListSnapshotsHttpController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @Roles('admin', 'monitor', 'verifier', 'analyst')
  @ApiOperation({ summary: "The workspace's snapshots, newest first" })
  @ApiOkResponse({ type: SnapshotListResponseDto })
  list(@CurrentActor() actor: Actor): Promise<SnapshotListResponseDto> {
    return this.queryBus.execute(new ListSnapshotsQuery(actor));
  }
}
