import { Query } from '@nestjs/cqrs';
import { Actor } from '@app/application';
import { SnapshotListResponseDto } from './snapshot-list.response.dto';

export class ListSnapshotsQuery extends Query<SnapshotListResponseDto> {
  constructor(readonly actor: Actor) {
    super();
  }
}
