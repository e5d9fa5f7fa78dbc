import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Actor } from '@app/application';
import { CurrentActor, Roles } from '@app/auth';
import { ApiProblems } from '../../http/openapi.decorators';
import { UuidParamPipe } from '../../http/uuid-param.pipe';
import { DiffSnapshotsQuery } from './diff-snapshots.query';
import { SnapshotDiffResponseDto } from './snapshot-diff.response.dto';

@ApiTags('snapshots')
@Controller('snapshots')
export class DiffSnapshotsHttpController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get(':a/diff/:b')
  @Roles('admin', 'monitor', 'verifier', 'analyst')
  @ApiOperation({
    summary: 'What changed between two snapshots, with each reason',
    description:
      'Every incident added, corrected, reclassified, retracted, merged or unmerged after snapshot `a` up to snapshot `b`, values and reasons as recorded, with counts per kind: why the figures of two reports differ. Perpetrators, sources, outcomes and verification are not listed. 400 unless `b` was pinned after `a`.',
  })
  @ApiParam({
    name: 'a',
    format: 'uuid',
    example: '0c5e7d2a-9b41-4f3e-8a6d-1f2b3c4d5e6f',
    description: 'The earlier snapshot.',
  })
  @ApiParam({
    name: 'b',
    format: 'uuid',
    example: '7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d',
    description: 'The later snapshot.',
  })
  @ApiOkResponse({ type: SnapshotDiffResponseDto })
  @ApiProblems(400, 404)
  diff(
    @Param('a', UuidParamPipe) a: string,
    @Param('b', UuidParamPipe) b: string,
    @CurrentActor() actor: Actor,
  ): Promise<SnapshotDiffResponseDto> {
    return this.queryBus.execute(new DiffSnapshotsQuery(a, b, actor));
  }
}
