import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { listSnapshots } from '@app/read-models/snapshots/pinned-snapshots';
import { snapshotResponse } from '../snapshot.response.dto';
import { ListSnapshotsQuery } from './list-snapshots.query';
import { SnapshotListResponseDto } from './snapshot-list.response.dto';

@QueryHandler(ListSnapshotsQuery)
export class ListSnapshotsHandler implements IQueryHandler<ListSnapshotsQuery> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ actor }: ListSnapshotsQuery): Promise<SnapshotListResponseDto> {
    const snapshots = await listSnapshots(this.store, actor.workspaceId);
    return { snapshots: snapshots.map(snapshotResponse) };
  }
}
