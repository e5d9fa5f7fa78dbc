import { Position } from '@app/event-store';

/** Which state of the records a query reads. */
export type AsOf =
  | { kind: 'current' }
  | { kind: 'position'; position: Position; snapshotId?: string }
  | { kind: 'snapshot'; snapshotId: string }
  | { kind: 'time'; at: string };
