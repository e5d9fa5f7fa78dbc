import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Actor } from '@app/application';
import { CurrentActor, Roles } from '@app/auth';
import { ApiProblems } from '../../http/openapi.decorators';
import { UuidParamPipe } from '../../http/uuid-param.pipe';
import { SnapshotResponseDto } from '../snapshot.response.dto';
import { GetSnapshotQuery } from './get-snapshot.query';

@ApiTags('snapshots')
@Controller('snapshots')
export class GetSnapshotHttpController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get(':id')
  @Roles('admin', 'monitor', 'verifier', 'analyst')
  @ApiOperation({ summary: 'A snapshot: its name and the position it pinned' })
  @ApiParam({ name: 'id', format: 'uuid', example: '0c5e7d2a-9b41-4f3e-8a6d-1f2b3c4d5e6f' })
  @ApiOkResponse({ type: SnapshotResponseDto })
  @ApiProblems(400, 404)
  get(
    @Param('id', UuidParamPipe) id: string,
    @CurrentActor() actor: Actor,
  ): Promise<SnapshotResponseDto> {
    return this.queryBus.execute(new GetSnapshotQuery(id, actor));
  }
}
