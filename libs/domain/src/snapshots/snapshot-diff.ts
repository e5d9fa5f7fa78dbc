import { IncidentEvent } from '../incidents/incident.events';
import { withoutUndefined } from '../without-undefined';

/** How an incident changed between two snapshots, for a report's "what changed since". */
export const SNAPSHOT_CHANGE_KINDS = [
  'added',
  'reclassified',
  'corrected',
  'retracted',
  'merged',
  'unmerged',
] as const;
export type SnapshotChangeKind = (typeof SNAPSHOT_CHANGE_KINDS)[number];

/** Corrections of these fields move acts between categories or types: reclassifications. */
const CLASSIFYING_FIELDS: readonly string[] = ['type', 'targetCategory'];

/**
 * One recorded change, values and reasons exactly as the event holds them. `field: 'targets'`
 * for a target added (`to`: the act) or removed. `merged`: `to` is the surviving incident;
 * `unmerged`: `from` is the incident it had been merged into.
 */
export interface SnapshotChange {
  incidentId: string;
  change: SnapshotChangeKind;
  field?: string;
  actId?: string;
  from?: unknown;
  to?: unknown;
  reason?: string;
  note?: string;
}

/**
 * The change an incident event records, or undefined for the events a diff does not list:
 * perpetrators, sources, outcomes and verification.
 */
export function snapshotChangeOf(
  incidentId: string,
  event: IncidentEvent,
): SnapshotChange | undefined {
  switch (event.type) {
    case 'IncidentReported':
      return { incidentId, change: 'added' };
    case 'IncidentCorrected': {
      const { field, actId, from, to, reason, note } = event.data;
      const change = CLASSIFYING_FIELDS.includes(field) ? 'reclassified' : 'corrected';
      return withoutUndefined<SnapshotChange>({
        incidentId,
        change,
        field,
        actId,
        from,
        to,
        reason,
        note,
      });
    }
    case 'TargetAdded': {
      const { actId, ...act } = event.data;
      return { incidentId, change: 'corrected', field: 'targets', actId, to: act };
    }
    case 'TargetRemoved': {
      const { actId, reason, note } = event.data;
      return withoutUndefined<SnapshotChange>({
        incidentId,
        change: 'corrected',
        field: 'targets',
        actId,
        reason,
        note,
      });
    }
    case 'IncidentRetracted':
      return withoutUndefined<SnapshotChange>({
        incidentId,
        change: 'retracted',
        reason: event.data.reason,
        note: event.data.note,
      });
    case 'IncidentMarkedDuplicate':
      return withoutUndefined<SnapshotChange>({
        incidentId,
        change: 'merged',
        to: event.data.duplicateOf,
        note: event.data.note,
      });
    case 'IncidentDuplicateUndone':
      return withoutUndefined<SnapshotChange>({
        incidentId,
        change: 'unmerged',
        from: event.data.duplicateOf,
        note: event.data.note,
      });
    default:
      return undefined;
  }
}

/** Every kind with its count, zeros included, so a report's table has all its rows. */
export function countSnapshotChanges(
  changes: readonly Pick<SnapshotChange, 'change'>[],
): Record<SnapshotChangeKind, number> {
  const counts = Object.fromEntries(SNAPSHOT_CHANGE_KINDS.map((k) => [k, 0])) as Record<
    SnapshotChangeKind,
    number
  >;
  for (const { change } of changes) counts[change]++;
  return counts;
}
