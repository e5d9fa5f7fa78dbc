import { Body, Controller, Post, Query, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiCreatedResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { Actor } from '@app/application';
import { CurrentActor, Roles } from '@app/auth';
import { Position } from '@app/event-store';
import { ProblemDetailsDto } from '../../problem/problem-details.dto';
import { commandContext, RequestLike } from '@app/application/command-request';
import { ApiIdempotencyKey, ApiProblems } from '../../http/openapi.decorators';
import { PinSnapshotCommand } from '@app/application/snapshots/pin-snapshot.command';
import { PinSnapshotQueryDto } from './pin-snapshot.query.dto';
import { PinSnapshotRequestDto } from '@app/application/snapshots/pin-snapshot.request.dto';
import { PinSnapshotResponseDto } from '@app/application/snapshots/pin-snapshot.response.dto';

@ApiTags('snapshots')
@Controller('snapshots')
export class PinSnapshotHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @Roles('admin', 'verifier', 'analyst')
  @ApiOperation({
    summary: 'Pin the statistics as they stand now, for a report',
    description:
      'Pins the position the statistics reflect, after waiting (at most 5 s) until they include everything the event store shows at the time of the request, and `after` if given. `GET /stats?asOf=snapshot:<id>` then answers exactly as now, whatever is corrected or retracted later; `GET /snapshots/{a}/diff/{b}` lists what changed between two snapshots.',
  })
  @ApiIdempotencyKey()
  @ApiCreatedResponse({
    type: PinSnapshotResponseDto,
    description: 'Pinned; a retry with the same Idempotency-Key gets this same answer.',
  })
  @ApiProblems(400, 422)
  @ApiServiceUnavailableResponse({
    description:
      'The statistics projection did not catch up within 5 s (its position is in `detail`); nothing was pinned, retry shortly.',
    content: { 'application/problem+json': { schema: { $ref: getSchemaPath(ProblemDetailsDto) } } },
  })
  pin(
    @Body() body: PinSnapshotRequestDto,
    @Query() query: PinSnapshotQueryDto,
    @Req() request: RequestLike,
    @CurrentActor() actor: Actor,
  ): Promise<PinSnapshotResponseDto> {
    return this.commandBus.execute(
      new PinSnapshotCommand(
        body,
        commandContext(request, actor),
        query.after as Position | undefined,
      ),
    );
  }
}
