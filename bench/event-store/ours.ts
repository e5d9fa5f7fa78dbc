// Our adapter under test, used exactly as the application uses it (through the port).
import { randomUUID } from 'node:crypto';
import { EventStore, NewEvent, RecordedEvent } from '@app/event-store';
import { EVENT_TYPE, newStreamId, Op, PAYLOAD } from './common';

/** `n` new events (fresh event ids) to a fresh stream, `expectedVersion: 'no_stream'`. */
export function oursAppendOp(store: EventStore, n: number): Op {
  return async () => {
    const events: NewEvent[] = [];
    for (let i = 0; i < n; i++)
      events.push({ eventId: randomUUID(), type: EVENT_TYPE, data: PAYLOAD });
    await store.append(newStreamId(), events, { expectedVersion: 'no_stream' });
    return n;
  };
}

/**
 * A full `readAll` replay, one call = `page` events (the adapter's page size, so one call is
 * one query plus the mapping of its rows).
 */
export function readAllOp(
  store: EventStore,
  page: number,
  consume: (event: RecordedEvent) => void,
): Op {
  const it = store.readAll()[Symbol.asyncIterator]();
  let done = false;
  return async () => {
    if (done) return null;
    let n = 0;
    while (n < page) {
      const next = await it.next();
      if (next.done) {
        done = true;
        break;
      }
      consume(next.value);
      n++;
    }
    return done && n === 0 ? null : n;
  };
}
