import { Query } from '@nestjs/cqrs';
import { Actor } from '@app/application';
import { SnapshotResponseDto } from '../snapshot.response.dto';

export class GetSnapshotQuery extends Query<SnapshotResponseDto> {
  constructor(
    readonly id: string,
    readonly actor: Actor,
  ) {
    super();
  }
}
