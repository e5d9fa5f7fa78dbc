import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, EventStore, Position } from '@app/event-store';
import { readSnapshot } from './pinned-snapshots';

/** Resolves `asOf=snapshot:<id>` to the position the snapshot pinned. */
@Injectable()
export class SnapshotPositions {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** 404 (DomainError `snapshot_not_found`) when unknown or in another workspace. */
  async resolve(workspaceId: string, snapshotId: string): Promise<Position> {
    return (await readSnapshot(this.store, workspaceId, snapshotId)).position;
  }
}
