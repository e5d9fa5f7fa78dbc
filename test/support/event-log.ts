import { collect } from '@app/event-store/event-store.contract';
import { comparePositions, EventStore, Position, START } from '@app/event-store';

/**
 * Waits until a global read of the log reaches `position` (read from `from` on). A global read
 * shows an event only once no announced writer below it is still running, and the advisory
 * locks writers announce themselves with are not told apart by schema: on the shared test
 * server, a writer of another spec file (another schema) holds this schema's reads back while
 * its transaction runs. A read right after an append may not show it yet.
 */
export async function untilLogShows(
  store: EventStore,
  position: Position,
  from: Position = START,
): Promise<void> {
  const until = Date.now() + 30_000;
  while (comparePositions(from, position) < 0) {
    const head = (await collect(store.readAll({ from }))).at(-1)?.position;
    if (head !== undefined && comparePositions(head, position) >= 0) return;
    if (Date.now() > until) throw new Error(`the log did not show ${position} within 30 s`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
