import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { readSnapshot } from '@app/read-models/snapshots/pinned-snapshots';
import { snapshotResponse, SnapshotResponseDto } from '../snapshot.response.dto';
import { GetSnapshotQuery } from './get-snapshot.query';

@QueryHandler(GetSnapshotQuery)
export class GetSnapshotHandler implements IQueryHandler<GetSnapshotQuery> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ id, actor }: GetSnapshotQuery): Promise<SnapshotResponseDto> {
    return snapshotResponse(await readSnapshot(this.store, actor.workspaceId, id));
  }
}
