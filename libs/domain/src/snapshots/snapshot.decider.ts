import { Decider, DomainEvent } from '../decider';
import { DomainError } from '../errors';
import { Problems } from '../incidents/incident.validation';
import { withoutUndefined } from '../without-undefined';

const MAX_NAME = 200;
const MAX_NOTE = 2000;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/**
 * Statistics pinned to a knowledge position when a report is published (docs/domain.md,
 * "As of"): `asOf=snapshot:<id>` answers exactly what the statistics answered then.
 * Stream `snapshot-<id>`; a snapshot is never changed, only pinned.
 */
export interface PinSnapshot {
  type: 'PinSnapshot';
  snapshotId: string;
  name: string;
  note?: string;
  /** The event-store position the statistics reflected (opaque to the domain). */
  position: string;
  /** When that position was read (ISO time, UTC). */
  pinnedAt?: string;
}

export type SnapshotCommand = PinSnapshot;

export type SnapshotPinned = DomainEvent<
  'SnapshotPinned',
  { snapshotId: string; name: string; note?: string; position: string; pinnedAt?: string }
>;

export type SnapshotEvent = SnapshotPinned;

export type SnapshotState = { status: 'absent' } | ({ status: 'pinned' } & SnapshotPinned['data']);

export const snapshotDecider: Decider<SnapshotCommand, SnapshotEvent, SnapshotState> = {
  initialState: { status: 'absent' },
  decide(command, state) {
    if (state.status !== 'absent') {
      throw new DomainError('conflict', 'snapshot_exists', 'this snapshot is already pinned');
    }
    const p = new Problems();
    p.text('name', command.name, { required: true, max: MAX_NAME });
    p.text('note', command.note, { max: MAX_NOTE });
    if (typeof command.position !== 'string') p.add('position', 'must be an event-store position');
    if (command.pinnedAt !== undefined && !ISO_TIME.test(command.pinnedAt)) {
      p.add('pinnedAt', 'must be an ISO time in UTC, e.g. 2021-07-22T10:00:00.000Z');
    }
    if (p.errors.length > 0) throw DomainError.invalid(p.errors);
    return [
      {
        type: 'SnapshotPinned',
        data: withoutUndefined({
          snapshotId: command.snapshotId,
          name: command.name.trim(),
          note: command.note,
          position: command.position,
          pinnedAt: command.pinnedAt,
        }),
      },
    ];
  },
  evolve(_state, event) {
    return { status: 'pinned', ...event.data };
  },
};
