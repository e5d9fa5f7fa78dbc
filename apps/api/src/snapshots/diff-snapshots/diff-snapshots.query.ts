import { Query } from '@nestjs/cqrs';
import { Actor } from '@app/application';
import { SnapshotDiffResponseDto } from './snapshot-diff.response.dto';

export class DiffSnapshotsQuery extends Query<SnapshotDiffResponseDto> {
  constructor(
    readonly a: string,
    readonly b: string,
    readonly actor: Actor,
  ) {
    super();
  }
}
