import { DomainError, SnapshotPinned } from '@app/domain';
import { EventStore, Position, RecordedEvent } from '@app/event-store';

/** Stream names: the category is the prefix before the first `-`. */
export const SNAPSHOT_CATEGORY = 'snapshot';
export const snapshotStream = (id: string) => `${SNAPSHOT_CATEGORY}-${id}`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A snapshot as its one event recorded it. */
export interface PinnedSnapshot {
  id: string;
  version: number;
  name: string;
  note?: string;
  /** The position the statistics reflected: `asOf` it answers exactly as they did then. */
  position: Position;
  pinnedAt?: string;
  recordedAt: string;
  /** Where the pin itself was recorded: orders snapshots pinned at the same position. */
  recordedPosition: Position;
}

/** The workspace's snapshot; 404 when unknown or another workspace's (never revealing which). */
export async function readSnapshot(
  store: EventStore,
  workspaceId: string,
  id: string,
): Promise<PinnedSnapshot> {
  if (UUID.test(id)) {
    for await (const event of store.readStream(snapshotStream(id.toLowerCase()), { maxCount: 1 })) {
      if (event.metadata.workspaceId === workspaceId) return pinnedSnapshotOf(event);
    }
  }
  throw new DomainError('not_found', 'snapshot_not_found', 'no such snapshot');
}

/** The workspace's snapshots, newest first. Snapshots are few (one per report): no read model. */
export async function listSnapshots(
  store: EventStore,
  workspaceId: string,
): Promise<PinnedSnapshot[]> {
  const snapshots: PinnedSnapshot[] = [];
  for await (const event of store.readAll({ categories: [SNAPSHOT_CATEGORY] })) {
    if (event.metadata.workspaceId === workspaceId) snapshots.push(pinnedSnapshotOf(event));
  }
  return snapshots.reverse();
}

/** Whether `later` was pinned after `earlier`: by position, then by when each was pinned. */
export function isPinnedAfter(later: PinnedSnapshot, earlier: PinnedSnapshot): boolean {
  if (later.position !== earlier.position) return later.position > earlier.position;
  return later.recordedPosition > earlier.recordedPosition;
}

function pinnedSnapshotOf(event: RecordedEvent): PinnedSnapshot {
  const { snapshotId, name, note, position, pinnedAt } = (
    event as RecordedEvent<SnapshotPinned['data']>
  ).data;
  return {
    id: snapshotId,
    version: event.streamVersion,
    name,
    ...(note !== undefined && { note }),
    position: position as Position,
    ...(pinnedAt !== undefined && { pinnedAt }),
    recordedAt: event.recordedAt,
    recordedPosition: event.position,
  };
}
