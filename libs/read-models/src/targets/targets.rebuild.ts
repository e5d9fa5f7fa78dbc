import { SqlClient } from '@app/database';
import { EventStore, Position, RecordedEvent, START } from '@app/event-store';
import { TARGET_CATEGORIES, TARGETS } from './target-projections.service';
import { projectTargets } from './targets.projection';

const PAGE = 5_000;

/**
 * Rebuilds `rm_targets` from position zero. The events are read first, then the rows are
 * replaced and the checkpoint set in ONE transaction holding the live checkpoint's row lock:
 * readers see the old rows until it commits, and a live projection finds the checkpoint
 * moved, drops its batch and resumes from the rebuilt position. Persons and organisations
 * are few (thousands), so no blue/green tables.
 */
export async function rebuildTargets(
  sql: SqlClient,
  store: EventStore,
): Promise<{ events: number; position: Position }> {
  const events: RecordedEvent[] = [];
  for await (const e of store.readAll({ from: START, categories: TARGET_CATEGORIES })) {
    events.push(e);
  }
  const position = events.length === 0 ? START : events[events.length - 1].position;
  await sql.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO subscription_checkpoints (subscription_id) VALUES ($1)
       ON CONFLICT (subscription_id) DO NOTHING`,
      [TARGETS],
    );
    await tx.query('SELECT 1 FROM subscription_checkpoints WHERE subscription_id = $1 FOR UPDATE', [
      TARGETS,
    ]);
    await tx.query('DELETE FROM rm_targets');
    for (let i = 0; i < events.length; i += PAGE) {
      await projectTargets(events.slice(i, i + PAGE), tx);
    }
    await tx.query(
      `UPDATE subscription_checkpoints SET position = $2, updated_at = now() WHERE subscription_id = $1`,
      [TARGETS, position],
    );
  });
  return { events: events.length, position };
}
