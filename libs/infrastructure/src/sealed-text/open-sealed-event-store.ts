import { AppConfig } from '@app/config';
import { SqlClient } from '@app/database';
import { EventStore } from '@app/event-store';
import { loadMasterKey, SqlIncidentTextKeys } from '@app/protection';
import { openEventStore } from '../connections';
import { SealedTextEventStore } from './sealed-text-event-store';

/**
 * The event store every process reads and writes through (api, worker, rebuilds): incident
 * free text sealed in and opened out, with its keys' table migrated. Backups and restores
 * copy the stored events as they are, ciphertext and all, and open the raw store instead.
 */
export async function openSealedEventStore(config: AppConfig, sql: SqlClient): Promise<EventStore> {
  const store = await openEventStore(config.eventStore, sql);
  await SqlIncidentTextKeys.migrate(sql);
  const keys = new SqlIncidentTextKeys(sql, await loadMasterKey(config));
  return new SealedTextEventStore(store, keys);
}
