import { ReferenceFigure, ReferenceFigureRecorded } from '@app/domain';
import { EventStore, Position, RecordedEvent } from '@app/event-store';

/** Stream names: the category is the prefix before the first `-`. */
export const REFERENCE_FIGURE_CATEGORY = 'referencefigure';
export const referenceFigureStream = (id: string) => `${REFERENCE_FIGURE_CATEGORY}-${id}`;

export interface StoredReferenceFigure extends ReferenceFigure {
  recordedAt: string;
  /** Where it was recorded: `asOf` a position before it, the figure was not known yet. */
  position: Position;
}

/**
 * The workspace's reference figures in the order they were recorded. They are few (dozens per
 * report) and read by category, which the event store indexes: no read model.
 */
export async function listReferenceFigures(
  store: EventStore,
  workspaceId: string,
): Promise<StoredReferenceFigure[]> {
  const figures: StoredReferenceFigure[] = [];
  for await (const event of store.readAll({ categories: [REFERENCE_FIGURE_CATEGORY] })) {
    if (event.metadata.workspaceId !== workspaceId) continue;
    if (event.type !== 'ReferenceFigureRecorded') continue;
    const { data } = event as RecordedEvent<ReferenceFigureRecorded['data']>;
    figures.push({ ...data, recordedAt: event.recordedAt, position: event.position });
  }
  return figures;
}
