import { Command } from '@nestjs/cqrs';
import { CommandContext } from '../actor';
import { Position } from '@app/event-store';
import { PinSnapshotRequestDto } from './pin-snapshot.request.dto';
import { PinSnapshotResponseDto } from './pin-snapshot.response.dto';

export class PinSnapshotCommand extends Command<PinSnapshotResponseDto> {
  constructor(
    readonly snapshot: PinSnapshotRequestDto,
    readonly context: CommandContext,
    /** The client's last write, which the snapshot must include. */
    readonly after: Position | undefined,
  ) {
    super();
  }
}
