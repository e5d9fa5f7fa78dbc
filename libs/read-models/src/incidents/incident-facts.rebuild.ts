import { SqlClient } from '@app/database';
import { comparePositions, EventStore, Position, RecordedEvent, START } from '@app/event-store';
import { activeVersion, projectIncidentFacts } from './incident-facts.projection';
import { INCIDENT_FACTS } from './incident-projections.service';

export interface RebuildProgress {
  events: number;
  position: Position;
}

export interface RebuildResult extends RebuildProgress {
  from: number;
  to: number;
}

const PAGE = 5_000;
const SWITCH_ATTEMPTS = 50;

/**
 * Rebuilds the incident read models blue/green: fills the next table version from position
 * zero while the live projection keeps serving, then switches the views in one transaction,
 * holding the live checkpoint's row lock so the live projection cannot commit in between.
 * The live projection then continues into the new version; events it sees twice are skipped
 * by their stream version, so the switch needs no exact alignment.
 */
export async function rebuildIncidentFacts(
  sql: SqlClient,
  store: EventStore,
  onProgress: (progress: RebuildProgress) => void = () => undefined,
): Promise<RebuildResult> {
  const from = await activeVersion(sql);
  const to = from + 1;
  await sql.exec(`
    DROP TABLE IF EXISTS rm_acts_v${to};
    DROP TABLE IF EXISTS rm_incidents_v${to};
    CREATE TABLE rm_acts_v${to} (LIKE rm_acts_v${from} INCLUDING ALL);
    CREATE TABLE rm_incidents_v${to} (LIKE rm_incidents_v${from} INCLUDING ALL);`);

  let position = START;
  let events = 0;
  const catchUp = async () => {
    for (;;) {
      const page: RecordedEvent[] = [];
      for await (const e of store.readAll({
        from: position,
        categories: ['incident'],
        maxCount: PAGE,
      })) {
        page.push(e);
      }
      if (page.length === 0) return;
      await sql.transaction((tx) => projectIncidentFacts(page, tx, to));
      position = page[page.length - 1].position;
      events += page.length;
      onProgress({ events, position });
      if (page.length < PAGE) return;
    }
  };

  await catchUp();
  for (let attempt = 0; attempt < SWITCH_ATTEMPTS; attempt++) {
    const switched = await sql.transaction(async (tx) => {
      const { rows } = await tx.query<{ position: Position }>(
        'SELECT position FROM subscription_checkpoints WHERE subscription_id = $1 FOR UPDATE',
        [INCIDENT_FACTS],
      );
      const live = rows[0]?.position ?? START;
      if (comparePositions(position, live) < 0) return false; // the live side is ahead: catch up first
      await tx.exec(`
        CREATE OR REPLACE VIEW rm_acts AS SELECT * FROM rm_acts_v${to};
        CREATE OR REPLACE VIEW rm_incidents AS SELECT * FROM rm_incidents_v${to};
        UPDATE rm_versions SET active = ${to} WHERE projection = '${INCIDENT_FACTS}';`);
      return true;
    });
    if (switched) {
      // The copied row_id default still draws from the old table's sequence: hand it over
      // before the old table (its owner) goes.
      await sql.exec(`
        DO $$ BEGIN
          EXECUTE format('ALTER SEQUENCE %s OWNED BY rm_acts_v${to}.row_id', pg_get_serial_sequence('rm_acts_v${from}', 'row_id'));
        END $$;
        DROP TABLE rm_acts_v${from};
        DROP TABLE rm_incidents_v${from};`);
      return { from, to, events, position };
    }
    await catchUp();
  }
  throw new Error(
    `rebuild: the live projection kept moving; switch not done after ${SWITCH_ATTEMPTS} attempts`,
  );
}
