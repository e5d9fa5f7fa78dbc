import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandExecutor } from '../command-executor';
import { IdSource } from '../deterministic-id';
import { PinSnapshot, snapshotDecider } from '@app/domain';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { ProjectionFreshness } from '@app/read-models/projection-freshness';
import { readSnapshot, snapshotStream } from '@app/read-models/snapshots/pinned-snapshots';
import { PinSnapshotCommand } from './pin-snapshot.command';
import { PinSnapshotResponseDto } from './pin-snapshot.response.dto';

/**
 * Pins the position the statistics reflect: the projection's, once it has caught up with the
 * event store's head at the time of the request (at most 5 s, then 503), so that a snapshot
 * taken right after a write includes it. The head leaves out a write committed while an older
 * transaction is still open; `after` (the client's last write) closes that gap.
 */
@CommandHandler(PinSnapshotCommand)
export class PinSnapshotHandler implements ICommandHandler<PinSnapshotCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly freshness: ProjectionFreshness,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute({ snapshot, context, after }: PinSnapshotCommand): Promise<PinSnapshotResponseDto> {
    const { workspaceId } = context.actor;
    const ids = IdSource.for(workspaceId, context.idempotencyKey, 'snapshots');
    const snapshotId = ids.id('snapshot');
    const head = await this.store.headPosition();
    const position = await this.freshness.waitFor(
      after !== undefined && after > head ? after : head,
    );
    const pinnedAt = new Date().toISOString();
    const result = await this.executor.execute({
      streamId: snapshotStream(snapshotId),
      id: snapshotId,
      decider: snapshotDecider,
      command: (): PinSnapshot => ({
        type: 'PinSnapshot',
        snapshotId,
        name: snapshot.name,
        ...(snapshot.note !== undefined && { note: snapshot.note }),
        position,
        pinnedAt,
      }),
      context,
      ids,
    });
    // A retry (same Idempotency-Key) answers with what the first request pinned.
    const pinned = await readSnapshot(this.store, workspaceId, snapshotId);
    return { ...result, pinned: { position: pinned.position, name: pinned.name } };
  }
}
