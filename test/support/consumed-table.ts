import { SqlExecutor } from '@app/database';
import { RecordedEvent } from '@app/event-store';

/** A stand-in read model for runner tests: one row per delivery, so doubles show up. */
export const CONSUMED_TABLE = `CREATE TABLE IF NOT EXISTS consumed (
  seq bigserial PRIMARY KEY, subscription_id text NOT NULL DEFAULT '', event_id uuid NOT NULL, position text NOT NULL)`;

export async function insertConsumed(
  tx: SqlExecutor,
  events: readonly RecordedEvent[],
  subscriptionId = '',
): Promise<void> {
  // Set-based: one statement per batch.
  await tx.query(
    `INSERT INTO consumed (subscription_id, event_id, position)
     SELECT $1, e.id::uuid, e.pos FROM unnest($2::text[], $3::text[]) AS e(id, pos)`,
    [subscriptionId, events.map((e) => e.eventId), events.map((e) => e.position)],
  );
}
