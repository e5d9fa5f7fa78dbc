import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { countSnapshotChanges, IncidentEvent, snapshotChangeOf } from '@app/domain';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { ValidationException } from '@app/application/validation.exception';
import { isPinnedAfter, readSnapshot } from '@app/read-models/snapshots/pinned-snapshots';
import { snapshotResponse } from '../snapshot.response.dto';
import { DiffSnapshotsQuery } from './diff-snapshots.query';
import { SnapshotChangeDto, SnapshotDiffResponseDto } from './snapshot-diff.response.dto';

const INCIDENT_CATEGORY = 'incident';

/**
 * What changed between two snapshots, read from the event log itself: every incident event
 * after a's position up to b's, as recorded (values, reasons, times).
 */
@QueryHandler(DiffSnapshotsQuery)
export class DiffSnapshotsHandler implements IQueryHandler<DiffSnapshotsQuery> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ a, b, actor }: DiffSnapshotsQuery): Promise<SnapshotDiffResponseDto> {
    const [earlier, later] = await Promise.all([
      readSnapshot(this.store, actor.workspaceId, a),
      readSnapshot(this.store, actor.workspaceId, b),
    ]);
    if (!isPinnedAfter(later, earlier)) {
      throw new ValidationException([
        { field: 'b', message: 'must be a snapshot pinned after a: swap a and b' },
      ]);
    }
    const changes: SnapshotChangeDto[] = [];
    for await (const event of this.store.readAll({
      from: earlier.position,
      categories: [INCIDENT_CATEGORY],
    })) {
      if (event.position > later.position) break;
      if (event.metadata.workspaceId !== actor.workspaceId) continue;
      const change = snapshotChangeOf(event.streamId.slice(INCIDENT_CATEGORY.length + 1), {
        type: event.type,
        data: event.data,
      } as IncidentEvent);
      if (change !== undefined) {
        changes.push({ ...change, recordedAt: event.recordedAt, position: event.position });
      }
    }
    return {
      a: snapshotResponse(earlier),
      b: snapshotResponse(later),
      counts: countSnapshotChanges(changes),
      changes,
    };
  }
}
